package io.kameng.payment.control;

import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderState;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundReason;
import io.kameng.payment.entity.RefundRefusedException;
import io.kameng.payment.entity.RefundState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks for refunds of the payment an order is paid with, in the caller's transaction: never more
 * than the payment still holds, counted under a lock of the payment's row. No role checks; the
 * order's own timeline is the caller's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RefundRequests {

  /** Refunds that belong to another payment than the one the order is paid with. */
  private static final Set<RefundReason> NOT_THE_ORDERS_PAYMENT =
      EnumSet.of(RefundReason.EXTRA_PAYMENT, RefundReason.LATE_PAYMENT);

  @Inject PaymentBook payments;
  @Inject OrderBook orders;

  /** Whether the order's payment has gone back (or is going back) in full. */
  public boolean allRefunded(Order order) {
    PaymentAttempt payment = paymentOf(order);
    return held(payment).compareTo(payment.amount()) >= 0;
  }

  /**
   * A refund of {@code amount} (all that is left when empty) of the order's payment, due at once.
   * The payment's row is locked first, so concurrent refunds of one payment are counted one after
   * the other.
   */
  public Refund request(
      Order order, Optional<BigDecimal> amount, RefundReason reason, Instant now) {
    PaymentAttempt payment = payments.lockAttempt(paymentOf(order).id());
    BigDecimal left = payment.amount().subtract(held(payment));
    BigDecimal asked = amount.orElse(left);
    if (asked.signum() <= 0 || asked.stripTrailingZeros().scale() > 2) {
      throw new RefundRefusedException(
          "refund.amountInvalid", "A refund is a positive amount in fen, not " + asked);
    }
    if (asked.compareTo(left) > 0) {
      throw new RefundRefusedException(
          "refund.exceedsPayment",
          "Order " + order.orderNo() + " holds " + left.toPlainString() + ", not " + asked);
    }
    Refund refund = Refund.of(payment, payments.refundsFor(payment.id()) + 1, asked, reason, now);
    payments.addRefund(refund);
    return refund;
  }

  /**
   * The order cannot be fulfilled: it becomes REFUNDING and all the money its payment still holds
   * goes back (REFUNDED at once when earlier part refunds took everything back already). Answers
   * the refund, if one was needed.
   */
  public Optional<Refund> refundWhole(
      Order order, String actor, String why, RefundReason reason, Instant now) {
    order.startRefund(now, actor, why, now.plus(OrderSettings.REFUND_TIME));
    if (allRefunded(order)) {
      order.confirmRefund(now);
      return Optional.empty();
    }
    return Optional.of(request(order, Optional.empty(), reason, now));
  }

  /**
   * The gateway confirmed {@code refund}: recorded, on the order's timeline, and the order becomes
   * REFUNDED once every refund of it is confirmed. Nothing happens to a refund confirmed already.
   */
  public boolean confirmed(Refund refund, Instant now) {
    if (refund.state() == RefundState.SUCCEEDED) {
      return false;
    }
    refund.succeeded(now);
    Order order = orders.lock(refund.orderId());
    order.paymentRefunded(now, refund.amount().toPlainString());
    if (order.state() == OrderState.REFUNDING && payments.openRefundsOf(order.id()) == 0) {
      order.confirmRefund(now);
    }
    return true;
  }

  BigDecimal held(PaymentAttempt payment) {
    return payments.refundsHeld(payment.id());
  }

  /**
   * The payment the order is paid with: its first paid attempt that is not itself being refunded as
   * an extra or too late payment.
   */
  PaymentAttempt paymentOf(Order order) {
    List<Refund> refunds = payments.refundsOfOrder(order.id());
    return payments.paidAttemptsFor(order.id()).stream()
        .filter(
            attempt ->
                refunds.stream()
                    .noneMatch(
                        r ->
                            r.attemptId().equals(attempt.id())
                                && NOT_THE_ORDERS_PAYMENT.contains(r.reason())))
        .findFirst()
        .orElseThrow(
            () ->
                new RefundRefusedException(
                    "refund.nothingPaid", "Order " + order.orderNo() + " has no payment"));
  }
}
