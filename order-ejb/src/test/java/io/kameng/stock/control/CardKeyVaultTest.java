package io.kameng.stock.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CardKeyVaultTest {

  private static final String SECRET =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private static final String OTHER =
      Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

  private final CardKeyVault vault = CardKeyVault.of(SECRET);

  @Test
  void aSealedKeyOpensAgainAndIsNotReadableAtRest() {
    byte[] sealed = vault.seal("STEAM-ABCD-EFGH-1234");

    assertThat(vault.open(sealed)).isEqualTo("STEAM-ABCD-EFGH-1234");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("ABCD");
    assertThat(vault.seal("STEAM-ABCD-EFGH-1234"))
        .as("a fresh nonce each time")
        .isNotEqualTo(sealed);
  }

  @Test
  void aChangedOrForeignSealDoesNotOpen() {
    byte[] sealed = vault.seal("STEAM-ABCD-EFGH-1234");
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> vault.open(sealed)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CardKeyVault.of(OTHER).open(vault.seal("X1234")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void equalKeysHaveEqualDigestsUnderOneSecretOnly() {
    assertThat(vault.digest("X1234")).isEqualTo(vault.digest("X1234")).hasSize(64);
    assertThat(vault.digest("X1234")).isNotEqualTo(vault.digest("X1235"));
    assertThat(CardKeyVault.of(OTHER).digest("X1234")).isNotEqualTo(vault.digest("X1234"));
  }

  @Test
  void withoutASecretOfThirtyTwoBytesNothingIsSealed() {
    assertThatThrownBy(() -> CardKeyVault.of(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kameng.card-key.secret");
    assertThatThrownBy(() -> CardKeyVault.of(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
