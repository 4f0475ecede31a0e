package io.kameng.sandbox.signing;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A partner's signing key (RSA, SHA256withRSA, "RSA2" in Alipay's terms). The launcher makes the
 * key pair, gives the private key to the sandbox (a system property naming a Base64 PKCS#8 file)
 * and the public key to the platform, the way a real partner's public key is configured on a
 * merchant's server. Without the property the sandbox makes a key of its own for this run only.
 */
public abstract class SigningKey {

  private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

  private final String property;

  private PrivateKey privateKey;

  /**
   * @param property the system property naming the private key's file
   */
  protected SigningKey(String property) {
    this.property = property;
  }

  @PostConstruct
  void load() {
    try {
      String file = System.getProperty(property);
      if (file == null) {
        LOG.warning("No " + property + ": signing with a key made for this run only");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        privateKey = generator.generateKeyPair().getPrivate();
        return;
      }
      byte[] encoded =
          Base64.getDecoder()
              .decode(Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip());
      privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the signing key of " + property, e);
    }
  }

  /**
   * The protocol's signature of a set of parameters: all but {@code sign} and {@code sign_type},
   * sorted by name, as {@code name=value} joined with {@code &}, signed with SHA256withRSA, Base64.
   */
  public String sign(Map<String, String> parameters) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(privateKey);
      signature.update(content(parameters).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String content(Map<String, String> parameters) {
    return new TreeMap<>(parameters)
        .entrySet().stream()
            .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
  }
}
