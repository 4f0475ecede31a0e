package io.kameng.sandbox.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's time for payments and refunds: real time, moved forward through the admin API when
 * a test moves the platform's clock (for example to pay an order a day after it expired).
 */
@ApplicationScoped
public class GatewayClock {

  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  public Instant now() {
    return Instant.now().plus(ahead.get());
  }

  /** Back to real time. */
  public void reset() {
    ahead.set(Duration.ZERO);
  }

  /** Moves the clock forward by {@code step}; answers the new time. */
  public Instant advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward.");
    }
    ahead.accumulateAndGet(step, Duration::plus);
    return now();
  }
}
