package io.kameng.order.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the ladder's steps come, counted from the start of the ladder (the payment, or the buyer's
 * correction): the delay notice, the exception pool, the automatic refund; in that order.
 */
public record LadderTimes(Duration delayNotice, Duration exceptionPool, Duration autoRefund) {

  public LadderTimes {
    Objects.requireNonNull(delayNotice, "Delay notice time is required.");
    Objects.requireNonNull(exceptionPool, "Exception pool time is required.");
    Objects.requireNonNull(autoRefund, "Auto refund time is required.");
    if (delayNotice.compareTo(exceptionPool) >= 0 || exceptionPool.compareTo(autoRefund) >= 0) {
      throw new IllegalArgumentException(
          "Ladder times must grow: " + delayNotice + ", " + exceptionPool + ", " + autoRefund);
    }
  }

  /** When {@code step} comes for a ladder started at {@code from}. */
  public Instant dueOf(LadderStep step, Instant from) {
    return from.plus(
        switch (step) {
          case DELAY_NOTICE -> delayNotice;
          case EXCEPTION_POOL -> exceptionPool;
          case AUTO_REFUND -> autoRefund;
        });
  }
}
