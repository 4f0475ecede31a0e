package io.kameng.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of a stack started here: 32 random bytes each, made once per home ({@code
 * <home>/secrets/<name>.secret}, readable by its owner only) and kept, so card keys stocked in an
 * earlier run still open and the storefront's webhook receiver keeps its key. A production server
 * gets its own through configuration.
 */
final class StackSecrets {

  /** The secret card keys are sealed with. */
  static final String CARD_KEY = "card-key";

  /** The secret the platform signs its notice webhooks with (HMAC-SHA256). */
  static final String NOTICE_WEBHOOK = "notice-webhook";

  private StackSecrets() {}

  static String ensure(Path home, String name) throws IOException {
    Path file = home.resolve("secrets").resolve(name + ".secret");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Files.writeString(file, Base64.getEncoder().encodeToString(secret));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own protection applies
      }
    }
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }
}
