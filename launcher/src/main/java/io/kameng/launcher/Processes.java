package io.kameng.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/** Pid files and clean-up of processes that an earlier, killed run left behind. */
final class Processes {

  private static final Logger LOG = Logger.getLogger(Processes.class.getName());

  private Processes() {}

  static void writePid(Path pidFile, long pid) throws IOException {
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, Long.toString(pid));
  }

  /** The live process named in the pid file whose command line mentions {@code marker}. */
  static Optional<ProcessHandle> alive(Path pidFile, String marker) {
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().orElse("").contains(marker));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Stops a process left behind by a killed run, politely first, then by force. */
  static void stopLeftover(Path pidFile, String marker, String what) {
    alive(pidFile, marker)
        .ifPresent(
            process -> {
              LOG.warning(
                  () ->
                      "Stopping "
                          + what
                          + " left behind by an earlier run (pid "
                          + process.pid()
                          + ")");
              stop(process, Duration.ofSeconds(20));
            });
  }

  static void stop(ProcessHandle process, Duration grace) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
