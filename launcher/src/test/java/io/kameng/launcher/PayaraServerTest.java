package io.kameng.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayaraServerTest {

  @Test
  void asadminPropertyValuesAreEscaped() {
    assertThat(PayaraServer.escape("http://127.0.0.1:28180/sandbox"))
        .isEqualTo("http\\://127.0.0.1\\:28180/sandbox");
    assertThat(PayaraServer.escape("a=b\\c")).isEqualTo("a\\=b\\\\c");
  }
}
