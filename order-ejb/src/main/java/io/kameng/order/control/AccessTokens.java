package io.kameng.order.control;

import io.kameng.platform.control.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A guest's proof that an order is theirs: 32 random bytes given to the buyer once, of which only
 * the SHA-256 is stored, so a copy of the database cannot open anyone's order.
 */
public final class AccessTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessTokens() {}

  /** A new token, URL-safe (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    return Digests.sha256Hex(token);
  }

  /** Whether {@code token} is the one whose hash was stored; in constant time. */
  public static boolean matches(String token, String storedHash) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(token).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
