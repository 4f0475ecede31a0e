package io.kameng.identity.control;

import io.kameng.identity.entity.WeakPasswordException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2-HMAC-SHA256 with OWASP's recommended 600,000 iterations and a random 32-byte salt per
 * password. The stored form names algorithm and iteration count, so hashes made with older settings
 * still verify after the settings change.
 */
@ApplicationScoped
public class PasswordHashing {

  public static final int ITERATIONS = 600_000;
  public static final int MINIMUM_LENGTH = 10;

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** Hashed when a username does not exist, so a wrong name takes as long as a wrong password. */
  private String decoy;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoy = pbkdf2.generate("decoy-password-for-unknown-users".toCharArray());
  }

  public String hash(String password) {
    if (password == null || password.length() < MINIMUM_LENGTH) {
      throw new WeakPasswordException(MINIMUM_LENGTH);
    }
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String storedHash) {
    return password != null && pbkdf2.verify(password.toCharArray(), storedHash);
  }

  /** Spends the time of one verification without any account, then says no. */
  public boolean rejectUnknownUser(String password) {
    pbkdf2.verify(String.valueOf(password).toCharArray(), decoy);
    return false;
  }
}
