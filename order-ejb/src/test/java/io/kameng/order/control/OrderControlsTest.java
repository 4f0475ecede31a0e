package io.kameng.order.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.order.entity.OrderRequest;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderControlsTest {

  @Test
  void orderNumbersAreTheChinaDateAndTenRandomDigits() {
    // 2026-11-22 20:00 UTC is already the 23rd in China.
    String number = OrderNumbers.next(Instant.parse("2026-11-22T20:00:00Z"));
    assertThat(number).hasSize(18).startsWith("20261123");
    assertThat(OrderNumbers.isWellFormed(number)).isTrue();
    Set<String> many = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(OrderNumbers.next(Instant.parse("2026-11-22T08:00:00Z")));
    }
    assertThat(many).hasSizeGreaterThan(9_990);
  }

  @Test
  void onlyDigitStringsOfTheRightLengthLookLikeOrderNumbers() {
    assertThat(OrderNumbers.isWellFormed("20261122123456789")).isFalse();
    assertThat(OrderNumbers.isWellFormed("2026112212345678901")).isFalse();
    assertThat(OrderNumbers.isWellFormed("20261122123456789x")).isFalse();
    assertThat(OrderNumbers.isWellFormed("' OR 1=1 --")).isFalse();
    assertThat(OrderNumbers.isWellFormed(null)).isFalse();
  }

  @Test
  void anAccessTokenMatchesOnlyItsOwnHash() {
    String token = AccessTokens.newToken();
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    String stored = AccessTokens.hash(token);
    assertThat(stored).hasSize(64).doesNotContain(token);
    assertThat(AccessTokens.matches(token, stored)).isTrue();
    assertThat(AccessTokens.matches(AccessTokens.newToken(), stored)).isFalse();
    assertThat(AccessTokens.matches(token.substring(1), stored)).isFalse();
    assertThat(AccessTokens.matches("", stored)).isFalse();
    assertThat(AccessTokens.matches(null, stored)).isFalse();
  }

  @Test
  void aSealedTokenOpensOnlyWithTheSameIdempotencyKey() {
    byte[] sealed = RequestKeySeal.seal("the-token", "key-1");
    assertThat(sealed.length).isLessThanOrEqualTo(128);
    assertThat(RequestKeySeal.open(sealed, "key-1")).isEqualTo("the-token");
    assertThatThrownBy(() -> RequestKeySeal.open(sealed, "key-2"))
        .isInstanceOf(IllegalStateException.class);
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> RequestKeySeal.open(tampered, "key-1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRequestsFingerprintIsItsMeaningNotItsFieldOrder() {
    OrderRequest one = new OrderRequest(7, 1, Map.of("gameAccount", "abc", "roleId", "9"));
    OrderRequest same = new OrderRequest(7, 1, Map.of("roleId", "9", "gameAccount", "abc"));
    assertThat(one.fingerprint()).isEqualTo(same.fingerprint());
    assertThat(new OrderRequest(7, 2, one.input()).fingerprint()).isNotEqualTo(one.fingerprint());
    assertThat(new OrderRequest(8, 1, one.input()).fingerprint()).isNotEqualTo(one.fingerprint());
    assertThat(new OrderRequest(7, 1, Map.of("gameAccount", "abd", "roleId", "9")).fingerprint())
        .isNotEqualTo(one.fingerprint());
    // A value that contains the separator cannot pass for two fields.
    assertThat(new OrderRequest(7, 1, Map.of("gameAccount", "abc\nroleId=9")).fingerprint())
        .isNotEqualTo(one.fingerprint());
  }
}
