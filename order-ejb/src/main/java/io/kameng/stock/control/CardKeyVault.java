package io.kameng.stock.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals card keys at rest (AES-256-GCM, a random 96-bit nonce per key) and digests them
 * (HMAC-SHA256) so a duplicate is found without opening anything. Both keys are derived from one
 * secret of at least 32 bytes ({@code kameng.card-key.secret}, Base64), which lives in the server's
 * configuration, never in the repository or a log.
 */
public final class CardKeyVault {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;

  private final SecretKeySpec sealKey;
  private final SecretKeySpec digestKey;

  private CardKeyVault(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("The card-key secret needs at least 32 bytes.");
    }
    this.sealKey = new SecretKeySpec(derive(secret, "kameng card-key seal"), "AES");
    this.digestKey = new SecretKeySpec(derive(secret, "kameng card-key digest"), "HmacSHA256");
  }

  /** A vault from the Base64 secret; refused when it is missing or shorter than 32 bytes. */
  public static CardKeyVault of(String base64Secret) {
    if (base64Secret == null || base64Secret.isBlank()) {
      throw new IllegalStateException(
          "kameng.card-key.secret is not configured: card keys cannot be stored or shown.");
    }
    return new CardKeyVault(Base64.getDecoder().decode(base64Secret.strip()));
  }

  public byte[] seal(String code) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(code.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens a sealed key; a sealed key that was changed (or sealed with another secret) fails. */
  public String open(byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          sealKey,
          new GCMParameterSpec(128, Arrays.copyOf(sealed, NONCE_BYTES)));
      return new String(
          cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A card key could not be opened", e);
    }
  }

  /** The keyed digest (hex) of a key: equal keys, equal digests; nothing readable. */
  public String digest(String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(digestKey);
      return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] derive(byte[] secret, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
