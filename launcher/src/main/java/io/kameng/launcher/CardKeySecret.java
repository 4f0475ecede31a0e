package io.kameng.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret card keys are sealed with, for a stack started here: 32 random bytes made once per
 * home ({@code <home>/secrets/card-key.secret}, readable by its owner only) and kept, so keys
 * stocked in an earlier run still open. A production server gets its own through configuration.
 */
final class CardKeySecret {

  private CardKeySecret() {}

  static String ensure(Path home) throws IOException {
    Path file = home.resolve("secrets").resolve("card-key.secret");
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
