package io.kameng.sandbox.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The gateway's time for payments, refunds and bills: real time, moved forward through the admin
 * API when a test moves the platform's clock (for example to pay an order a day after it expired),
 * set to a later instant, or held still there ("frozen") until the next clock call.
 */
@ApplicationScoped
public class GatewayClock {

  private Duration ahead = Duration.ZERO;

  /** While frozen, the instant the clock stands at; null while it runs. */
  private Instant frozenAt;

  public synchronized Instant now() {
    return frozenAt != null ? frozenAt : Instant.now().plus(ahead);
  }

  /** Back to real time, running. */
  public synchronized void reset() {
    ahead = Duration.ZERO;
    frozenAt = null;
  }

  /** Moves the clock forward by {@code step} and lets it run; answers the new time. */
  public synchronized Instant advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward.");
    }
    return moveTo(now().plus(step), false);
  }

  /**
   * Sets the clock to {@code at} (not earlier than now), held still there when {@code frozen};
   * answers the new time.
   */
  public synchronized Instant set(Instant at, boolean frozen) {
    if (at.isBefore(now())) {
      throw new IllegalArgumentException("The clock only moves forward.");
    }
    return moveTo(at, frozen);
  }

  /** Holds the clock still where it stands, or lets a frozen clock run on from there. */
  public synchronized Instant freeze(boolean frozen) {
    return moveTo(now(), frozen);
  }

  private Instant moveTo(Instant at, boolean frozen) {
    ahead = Duration.between(Instant.now(), at);
    frozenAt = frozen ? at : null;
    return at;
  }
}
