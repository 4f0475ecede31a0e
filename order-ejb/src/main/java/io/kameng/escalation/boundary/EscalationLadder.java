package io.kameng.escalation.boundary;

import io.kameng.escalation.control.LadderSteps;
import io.kameng.identity.entity.Role;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderBook.Due;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the due steps of the escalation ladder: the due orders are found by a plain read through
 * the index of their due time (one batch at a time), then each step is applied with the order
 * claimed ({@code FOR UPDATE SKIP LOCKED}, see {@link LadderSteps}) in the transaction that changes
 * it, a few orders per transaction: any number of scans on any number of servers apply each step
 * once, a step that came while no server ran is applied by the first scan after the start, once,
 * and an order whose step fails is done alone and, failing again, tried a few minutes later without
 * holding up the others. Times are the platform settings in effect.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscalationLadder {

  private static final Logger LOG = Logger.getLogger(EscalationLadder.class.getName());

  public static final int BATCH = 100;

  /**
   * Orders stepped per transaction: each claimed and changed on its own row, committed together;
   * should one fail, its chunk is done again order by order.
   */
  static final int CHUNK = 20;

  /** When a step that failed on an order is tried again. */
  static final Duration RETRY = Duration.ofMinutes(5);

  @Inject OrderBook orders;
  @Inject LadderSteps steps;
  @Inject PlatformClock clock;

  /**
   * The ladder's due steps (delay notice, exception pool, automatic refund) of one batch; answers
   * how many orders were due.
   */
  public int climbDue() {
    return applyDue(Due.LADDER_STEP);
  }

  /** Orders whose buyer did not correct the input in time are refunded; one batch. */
  public int refundUncorrected() {
    return applyDue(Due.BUYER_INPUT);
  }

  /**
   * Overdue reviews: a first review goes to a senior reviewer, a second one to the exception pool.
   * One batch; answers how many were due.
   */
  public int escalateReviews() {
    return applyDue(Due.REVIEW);
  }

  private int applyDue(Due kind) {
    Instant now = clock.now();
    List<Long> due = steps.dueIds(kind, now, BATCH);
    for (int from = 0; from < due.size(); from += CHUNK) {
      List<Long> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
      try {
        steps.applyAll(kind, chunk, now);
      } catch (RuntimeException chunkFailed) {
        // One order's step failed and took its chunk's transaction with it: one by one now.
        for (long orderId : chunk) {
          applyAlone(kind, orderId, now);
        }
      }
    }
    return due.size();
  }

  private void applyAlone(Due kind, long orderId, Instant now) {
    try {
      steps.apply(kind, orderId, now);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Ladder step " + kind + " failed on order " + orderId + "; tried again in " + RETRY,
          e);
      steps.postpone(kind, orderId, clock.now().plus(RETRY));
    }
  }
}
