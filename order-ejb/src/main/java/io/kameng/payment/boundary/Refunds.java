package io.kameng.payment.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderNotFoundException;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.OrderStateException;
import io.kameng.order.entity.StuckReason;
import io.kameng.payment.control.PaymentBook;
import io.kameng.payment.control.PaymentGateway;
import io.kameng.payment.control.PaymentGateways;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Money going back to buyers. A refund is asked for in part (the undelivered part of an order) or
 * for all the order still holds (the order cannot be fulfilled: it becomes REFUNDING, then
 * REFUNDED); the refunds of one payment never add up to more than it. Due refunds are asked of the
 * gateway one batch per transaction, claimed with {@code FOR UPDATE SKIP LOCKED} so no two servers
 * ask for one refund at once. A confirmed refund is on the order's timeline; a lost answer or an
 * unreachable gateway means the same request number is asked again later (the gateway never refunds
 * one number twice); a refusal is left for an admin.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class Refunds {

  private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

  public static final int BATCH = 20;

  @Inject PaymentBook payments;
  @Inject RefundRequests requests;
  @Inject PaymentGateways gateways;
  @Inject OrderBook orders;
  @Inject PlatformClock clock;
  @Resource SessionContext caller;

  /**
   * Pays back {@code amount} of a paid order (for example the part not delivered); the order goes
   * on. Refused when the amount is not a positive sum in fen, or more than the payment still holds.
   */
  public Refund refundPart(
      @NotNull String orderNo, @NotNull BigDecimal amount, @NotNull RefundReason reason) {
    Order order = lockedOrder(orderNo);
    if (!order.acceptsPartRefund()) {
      throw new OrderStateException(
          "order.cannotRefund", order.state(), "Order " + orderNo + " cannot refund a part now");
    }
    Instant now = clock.now();
    Refund refund = requests.request(order, Optional.of(amount), reason, now);
    order.partRefundRequested(now, actor(), refund.amount().toPlainString());
    return refund;
  }

  /**
   * The order cannot be fulfilled: it becomes REFUNDING and all the money its payment still holds
   * goes back; it becomes REFUNDED when the gateway confirmed every refund. Answers the refund, or
   * empty when earlier part refunds already took everything back (the order is REFUNDED at once).
   */
  public Optional<Refund> refundOrder(@NotNull String orderNo, @NotNull String why) {
    Order order = lockedOrder(orderNo);
    return requests.refundWhole(order, actor(), why, RefundReason.NOT_FULFILLED, clock.now());
  }

  /** Tries one batch of due refunds; answers how many were due. */
  public int processDue() {
    Instant now = clock.now();
    List<Refund> due = payments.claimDueRefunds(now, BATCH);
    for (Refund refund : due) {
      PaymentAttempt attempt = payments.attempt(refund.attemptId()).orElseThrow();
      try {
        PaymentGateway gateway =
            gateways
                .byProvider(attempt.provider())
                .orElseThrow(() -> new IllegalStateException("No gateway " + attempt.provider()));
        PaymentGateway.RefundAnswer answer =
            gateway.refund(attempt.reference(), refund.requestNo(), refund.amount());
        if (answer.refunded()) {
          requests.confirmed(refund, now);
        } else {
          refund.refused(answer.refusal().orElseThrow(), now);
          LOG.warning(
              () -> "Refund " + refund.requestNo() + " refused: " + answer.refusal().orElseThrow());
          Order order = orders.lock(refund.orderId());
          if (order.state() == OrderState.REFUNDING) {
            Instant handBy = now.plus(OrderSettings.REFUND_TIME);
            order.markLate(StuckReason.PLATFORM, now, handBy, handBy);
          }
        }
      } catch (Exception e) {
        // Also what fault tolerance throws when it gave up (its timeout interrupts the call).
        Thread.interrupted();
        refund.retryLater(String.valueOf(e), now);
        LOG.warning(
            () -> "Refund " + refund.requestNo() + " not confirmed, asked again later: " + e);
      }
    }
    return due.size();
  }

  private Order lockedOrder(String orderNo) {
    return orders
        .byNumber(orderNo)
        .map(order -> orders.lock(order.id()))
        .orElseThrow(() -> new OrderNotFoundException(orderNo));
  }

  /** Who asks: a staff member by username, or the platform itself (its run-as principal). */
  private String actor() {
    String name = caller.getCallerPrincipal().getName();
    return name.contains(":") ? OrderEvent.SYSTEM : name;
  }
}
