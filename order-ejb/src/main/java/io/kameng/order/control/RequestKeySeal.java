package io.kameng.order.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a guest's access token for an idempotent replay without storing it readable: AES-GCM with a
 * key derived from the client's Idempotency-Key, which the server does not keep in the clear
 * anywhere else. Only a client presenting the same key gets the token back.
 */
public final class RequestKeySeal {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;

  private RequestKeySeal() {}

  public static byte[] seal(String token, String idempotencyKey) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, idempotencyKey, iv);
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String open(byte[] sealed, String idempotencyKey) {
    try {
      byte[] iv = java.util.Arrays.copyOf(sealed, IV_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, idempotencyKey, iv);
      byte[] token = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
      return new String(token, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The sealed token does not open with this key", e);
    }
  }

  private static Cipher cipher(int mode, String idempotencyKey, byte[] iv)
      throws GeneralSecurityException {
    byte[] key =
        MessageDigest.getInstance("SHA-256")
            .digest(
                ("kameng.order-request-key:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    return cipher;
  }
}
