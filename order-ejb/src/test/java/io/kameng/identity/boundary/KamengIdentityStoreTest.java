package io.kameng.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KamengIdentityStoreTest {

  @Test
  void aHostileUsernameCannotForgeLogLines() {
    assertThat(KamengIdentityStore.printable("mallory\nINFO: admin signed in"))
        .isEqualTo("mallory?INFO: admin signed in");
  }

  @Test
  void aVeryLongUsernameIsShortenedInTheLog() {
    assertThat(KamengIdentityStore.printable("x".repeat(500))).hasSize(65).endsWith("…");
  }

  @Test
  void noUsernameLogsAsEmpty() {
    assertThat(KamengIdentityStore.printable(null)).isEmpty();
  }
}
