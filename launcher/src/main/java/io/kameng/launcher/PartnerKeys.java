package io.kameng.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A sandbox partner's RSA key pair (the gateway's, the supplier's), made once per home and kept:
 * the private key goes to the sandbox (it signs payment notices and recharge results), the public
 * key to the platform (it verifies them), the way a real partner's public key is configured on a
 * merchant's server.
 */
final class PartnerKeys {

  static final String PRIVATE = "private.key";
  static final String PUBLIC = "public.key";

  private PartnerKeys() {}

  /** The folder's key pair, made when missing; answers the public key (Base64 X.509). */
  static String ensure(Path folder) throws IOException {
    Path publicKey = folder.resolve(PUBLIC);
    Path privateKey = folder.resolve(PRIVATE);
    if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
      Files.createDirectories(folder);
      KeyPair pair;
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      Base64.Encoder base64 = Base64.getEncoder();
      Files.writeString(privateKey, base64.encodeToString(pair.getPrivate().getEncoded()));
      Files.writeString(publicKey, base64.encodeToString(pair.getPublic().getEncoded()));
    }
    return Files.readString(publicKey, StandardCharsets.US_ASCII).strip();
  }
}
