package io.kameng.payment.control;

import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderPaid;
import io.kameng.order.entity.OrderState;
import io.kameng.payment.entity.GatewayNotice;
import io.kameng.payment.entity.NoticeOutcome;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundReason;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies a payment the gateway confirmed (by a verified notice or by the answer to a query), in
 * the caller's transaction: the attempt is paid by compare-and-set, so of any number of
 * confirmations of one payment exactly one moves the order. An order that expired unpaid resumes
 * when the payment came within 12 hours; a payment later than that, or for an order already paid
 * through another attempt, is recorded as money to refund.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PaymentSettlement {

  /**
   * A payment this much after the unpaid expiry is still honoured if the order can be fulfilled.
   */
  public static final Duration LATE_PAYMENT_WINDOW = Duration.ofHours(12);

  @Inject PaymentBook payments;
  @Inject OrderBook orders;
  @Inject Event<OrderPaid> paid;

  /** Money that must go back in full: a refund due at once, under a request number of its own. */
  private void refund(PaymentAttempt attempt, RefundReason reason, Instant now) {
    payments.addRefund(
        Refund.of(attempt, payments.refundsFor(attempt.id()) + 1, attempt.amount(), reason, now));
  }

  public NoticeOutcome settle(GatewayNotice notice, Instant now) {
    Optional<PaymentAttempt> found = payments.byReference(notice.reference());
    if (found.isEmpty()) {
      return NoticeOutcome.UNKNOWN_PAYMENT;
    }
    PaymentAttempt attempt = found.get();
    if (attempt.amount().compareTo(notice.amount()) != 0) {
      return NoticeOutcome.AMOUNT_MISMATCH;
    }
    if (!notice.paid()) {
      return NoticeOutcome.NOT_PAID;
    }
    Instant paidAt = notice.paidAt() == null ? now : notice.paidAt();
    if (!payments.markPaid(attempt.id(), notice.gatewayTradeNo(), paidAt)) {
      return NoticeOutcome.REPEATED;
    }
    Order order = orders.lock(attempt.orderId());
    Instant verifyBy = now.plus(OrderSettings.VERIFICATION_TIME);
    if (order.state() == OrderState.SUBMITTED) {
      order.recordPayment(now, OrderEvent.PAYMENT_GATEWAY, verifyBy, OrderSettings.ladder());
      paid.fire(new OrderPaid(order.id()));
      return NoticeOutcome.APPLIED;
    }
    if (order.state() == OrderState.CANCELLED) {
      if (!paidAt.isAfter(order.paymentDeadline().plus(LATE_PAYMENT_WINDOW))) {
        order.recordLatePayment(now, OrderEvent.PAYMENT_GATEWAY, verifyBy, OrderSettings.ladder());
        paid.fire(new OrderPaid(order.id()));
        return NoticeOutcome.APPLIED;
      }
      order.latePaymentRefused(now, attempt.amount().toPlainString());
      refund(attempt, RefundReason.LATE_PAYMENT, now);
      return NoticeOutcome.TOO_LATE;
    }
    order.extraPaymentReceived(now, attempt.amount().toPlainString());
    refund(attempt, RefundReason.EXTRA_PAYMENT, now);
    return NoticeOutcome.DOUBLE_PAYMENT;
  }
}
