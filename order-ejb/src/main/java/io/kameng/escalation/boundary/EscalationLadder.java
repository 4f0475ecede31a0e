package io.kameng.escalation.boundary;

import io.kameng.escalation.control.Compensation;
import io.kameng.identity.entity.Role;
import io.kameng.merchants.control.MerchantRoster;
import io.kameng.merchants.entity.StrikeKind;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.LadderStep;
import io.kameng.order.entity.LadderTimes;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.StuckReason;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies the due steps of the escalation ladder, one batch per transaction, each in the order's
 * own transaction with the order claimed ({@code FOR UPDATE SKIP LOCKED}): any number of scans on
 * any number of servers apply each step once, and a step that came while no server ran is applied
 * by the first scan after the start, once. Times are the platform settings in effect.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class EscalationLadder {

  public static final int BATCH = 100;

  @Inject OrderBook orders;
  @Inject RefundRequests refunds;
  @Inject Compensation compensation;
  @Inject MerchantRoster roster;
  @Inject PlatformClock clock;

  /**
   * The ladder's due steps (delay notice, exception pool, automatic refund) of one batch; answers
   * how many orders were due.
   */
  public int climbDue() {
    Instant now = clock.now();
    List<Order> due = orders.claimDueOnLadder(now, BATCH);
    LadderTimes times = OrderSettings.ladder();
    for (Order order : due) {
      climb(order, times, now);
    }
    return due.size();
  }

  private void climb(Order order, LadderTimes times, Instant now) {
    Instant from = order.ladderFrom().orElseThrow();
    if (!order.isEscalatable()) {
      order.climb(Optional.empty(), null);
      return;
    }
    switch (order.ladderStep().orElseThrow()) {
      case DELAY_NOTICE -> {
        countAgainstMerchant(order, now, "delay notice");
        Instant pool = times.dueOf(LadderStep.EXCEPTION_POOL, from);
        order.noticeDelay(now, order.currentCause(), later(pool, now));
        order.climb(Optional.of(LadderStep.EXCEPTION_POOL), pool);
      }
      case EXCEPTION_POOL -> {
        StuckReason cause = order.currentCause();
        Optional<String> merchant = order.merchant();
        countAgainstMerchant(order, now, "exception pool");
        Instant refund = times.dueOf(LadderStep.AUTO_REFUND, from);
        order.escalate(now, cause, later(refund, now));
        compensation.issueIfOwed(order, cause, merchant, now);
        order.climb(Optional.of(LadderStep.AUTO_REFUND), refund);
      }
      case AUTO_REFUND -> {
        if (order.isHeldAt(now)) {
          order.climb(Optional.of(LadderStep.AUTO_REFUND), order.holdUntil().orElseThrow());
        } else {
          refunds.refundWhole(
              order,
              OrderEvent.SYSTEM,
              "not delivered within " + hours(times.autoRefund()) + " of the payment",
              RefundReason.AUTO_REFUND,
              now);
        }
      }
    }
  }

  /**
   * Orders whose buyer did not correct the input in time are refunded; one batch, answers how many
   * were due.
   */
  public int refundUncorrected() {
    Instant now = clock.now();
    List<Order> due = orders.claimDueAwaitingBuyer(now, BATCH);
    for (Order order : due) {
      refunds.refundWhole(
          order,
          OrderEvent.SYSTEM,
          "the input was not corrected in time",
          RefundReason.BUYER_INPUT_MISSING,
          now);
    }
    return due.size();
  }

  /**
   * Overdue reviews: a first review goes to a senior reviewer (due by the second review time,
   * counted from the start of the review), a second one to the exception pool. One batch; answers
   * how many were due.
   */
  public int escalateReviews() {
    Instant now = clock.now();
    List<Order> due = orders.claimDueReviews(now, BATCH);
    LadderTimes times = OrderSettings.ladder();
    for (Order order : due) {
      if (order.reviewLevel().orElse(1) == 1) {
        Duration extra =
            LiveSettings.duration(Setting.SECOND_REVIEW_MINUTES)
                .minus(LiveSettings.duration(Setting.FIRST_REVIEW_MINUTES));
        order.escalateReview(now, now.plus(extra));
      } else {
        Instant refund =
            order
                .ladderFrom()
                .map(from -> times.dueOf(LadderStep.AUTO_REFUND, from))
                .orElse(now.plus(OrderSettings.EXCEPTION_POOL_TIME));
        order.escalate(now, StuckReason.RISK_REVIEW, later(refund, now));
      }
    }
    return due.size();
  }

  /** A late order a merchant holds counts against the merchant (for its KPI score). */
  private void countAgainstMerchant(Order order, Instant now, String step) {
    if (order.currentCause() == StuckReason.MERCHANT && order.merchant().isPresent()) {
      roster.strike(order.merchant().get(), order.id(), StrikeKind.ORDER_DELAYED, step, now);
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String hours(Duration duration) {
    return duration.toMinutes() % 60 == 0
        ? duration.toHours() + " h"
        : duration.toMinutes() + " min";
  }
}
