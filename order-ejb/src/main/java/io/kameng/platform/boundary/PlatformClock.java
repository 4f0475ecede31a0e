package io.kameng.platform.boundary;

import io.kameng.identity.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The one clock every time decision of Kameng asks (deadlines, expiry, the ladder), so that tests
 * can move time forward inside the running server instead of sleeping. Moving it is refused unless
 * the server was started with {@code -Dkameng.clock.adjustable=true} (the test command does; the
 * run command and production servers do not), and only ever forward.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PlatformClock {

  private static final Logger LOG = Logger.getLogger(PlatformClock.class.getName());

  /** The system property that allows {@link #advance}. */
  public static final String ADJUSTABLE = "kameng.clock.adjustable";

  private final Clock system = Clock.systemUTC();
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /**
   * An adjustable clock starts at the offset a test left in the domain's config directory ({@code
   * kameng-clock-offset}, an ISO-8601 duration) while the server was stopped: restart tests move
   * time across a stop of the server. Without that file every deployment starts at real time.
   */
  @PostConstruct
  void restoreOffset() {
    offsetFile()
        .filter(Files::isReadable)
        .ifPresent(
            file -> {
              try {
                offset.set(Duration.parse(Files.readString(file).strip()));
                LOG.warning(() -> "Platform clock ahead by " + offset.get() + " (" + file + ")");
              } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "Clock offset in " + file + " ignored: " + e);
              }
            });
  }

  private static java.util.Optional<Path> offsetFile() {
    String domain = System.getProperty("com.sun.aas.instanceRoot");
    if (!Boolean.getBoolean(ADJUSTABLE) || domain == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Path.of(domain, "config", "kameng-clock-offset"));
  }

  @PermitAll
  public Instant now() {
    return system.instant().plus(offset.get());
  }

  /** Moves the platform's time forward by {@code step}; answers the new time. */
  @RolesAllowed(Role.Names.ADMIN)
  public Instant advance(Duration step) {
    if (!Boolean.getBoolean(ADJUSTABLE)) {
      throw new IllegalStateException(
          "The clock of this server cannot be moved (" + ADJUSTABLE + ")");
    }
    if (step.isNegative()) {
      throw new IllegalArgumentException("Time only moves forward: " + step);
    }
    Duration total = offset.accumulateAndGet(step, Duration::plus);
    LOG.warning(() -> "Platform clock moved forward by " + step + ", now ahead by " + total);
    return now();
  }
}
