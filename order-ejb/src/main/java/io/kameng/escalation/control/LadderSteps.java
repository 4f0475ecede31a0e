package io.kameng.escalation.control;

import io.kameng.merchants.control.MerchantRoster;
import io.kameng.merchants.entity.StrikeKind;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderBook.Due;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.LadderStep;
import io.kameng.order.entity.LadderTimes;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.StuckReason;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One due step on one order, in the order's own transaction: the order is claimed ({@code FOR
 * UPDATE SKIP LOCKED}, and only if still due), the step applied, the transaction committed. An
 * order another transaction holds, or that is no longer due, is left alone; an order whose step
 * fails rolls back alone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LadderSteps {

  @Inject OrderBook orders;
  @Inject RefundRequests refunds;
  @Inject Compensation compensation;
  @Inject MerchantRoster roster;

  /** Applies the order's due step of {@code kind}; answers whether it did (false: not ours). */
  public boolean apply(Due kind, long orderId, Instant now) {
    return applyHere(kind, orderId, now);
  }

  private boolean applyHere(Due kind, long orderId, Instant now) {
    Optional<Order> claimed = orders.claimDue(kind, orderId, now);
    if (claimed.isEmpty()) {
      return false;
    }
    Order order = claimed.get();
    switch (kind) {
      case LADDER_STEP -> climb(order, OrderSettings.ladder(), now);
      case BUYER_INPUT ->
          refunds.refundWhole(
              order,
              OrderEvent.SYSTEM,
              "the input was not corrected in time",
              RefundReason.BUYER_INPUT_MISSING,
              now);
      case REVIEW -> escalateReview(order, OrderSettings.ladder(), now);
    }
    return true;
  }

  /** The orders due for {@code kind}, the most overdue first (a plain read). */
  public java.util.List<Long> dueIds(Due kind, Instant now, int limit) {
    return orders.dueIds(kind, now, limit);
  }

  /** Applies the due steps of these orders in one transaction; answers how many it applied. */
  public int applyAll(Due kind, java.util.List<Long> orderIds, Instant now) {
    int applied = 0;
    for (long orderId : orderIds) {
      if (applyHere(kind, orderId, now)) {
        applied++;
      }
    }
    return applied;
  }

  /** A step that failed is tried again at {@code retryAt}, so it does not hold up the others. */
  public void postpone(Due kind, long orderId, Instant retryAt) {
    orders.postpone(kind, orderId, retryAt);
  }

  private void climb(Order order, LadderTimes times, Instant now) {
    if (!order.isEscalatable()) {
      order.climb(Optional.empty(), null);
      return;
    }
    Instant from = order.ladderFrom().orElseThrow();
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
   * An overdue review: a first review goes to a senior reviewer (due by the second review time,
   * counted from the start of the review), a second one to the exception pool.
   */
  private void escalateReview(Order order, LadderTimes times, Instant now) {
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
