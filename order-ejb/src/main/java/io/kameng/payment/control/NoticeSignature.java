package io.kameng.payment.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Alipay-style "RSA2" notice signature: every parameter but {@code sign} and {@code sign_type},
 * sorted by name, as {@code name=value} joined with {@code &}, signed SHA256withRSA by the gateway;
 * verified here with the gateway's public key.
 */
public final class NoticeSignature {

  private NoticeSignature() {}

  public static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Not an RSA public key (Base64 X.509)", e);
    }
  }

  public static boolean verifies(Map<String, String> parameters, PublicKey gatewayKey) {
    String sign = parameters.get("sign");
    if (sign == null || sign.isEmpty()) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(gatewayKey);
      signature.update(content(parameters).getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(sign));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  static String content(Map<String, String> parameters) {
    return new TreeMap<>(parameters)
        .entrySet().stream()
            .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
  }
}
