package io.kameng.payment.boundary;

import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.OrderStateException;
import io.kameng.payment.control.GatewayUnavailableException;
import io.kameng.payment.control.PaymentBook;
import io.kameng.payment.control.PaymentGateway;
import io.kameng.payment.control.PaymentGateways;
import io.kameng.payment.entity.GatewayNotice;
import io.kameng.payment.entity.NoticeOutcome;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.PaymentNotice;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Money in: sending a buyer to the gateway to pay an order, and taking the gateway's notices. A
 * notice changes something only when its signature verifies, it names a known attempt, and its
 * amount is the attempt's; the attempt is paid by compare-and-set, so of any number of repeated or
 * concurrent notices exactly one moves the order, and every notice is recorded for admins.
 */
@Stateless
public class Payments {

  private static final Logger LOG = Logger.getLogger(Payments.class.getName());

  /**
   * A payment this much after the unpaid expiry is still honoured if the order can be fulfilled.
   */
  public static final Duration LATE_PAYMENT_WINDOW = Duration.ofHours(12);

  /** The first active query of an attempt whose notice does not come. */
  static final Duration FIRST_QUERY = Duration.ofMinutes(1);

  @Inject OrderBook orders;
  @Inject PaymentBook payments;
  @Inject PaymentGateways gateways;
  @Inject PlatformClock clock;

  /**
   * Starts a payment attempt for an unpaid order and answers the gateway's page to send the buyer
   * to.
   *
   * @param notifyBase where this server takes notices; the provider's name is appended
   * @param returnUrl where the gateway sends the buyer back
   */
  @PermitAll
  public URI startPayment(
      @NotNull String orderNo,
      String accessToken,
      @NotNull URI notifyBase,
      @NotNull URI returnUrl) {
    Order order = orders.owned(orderNo, accessToken);
    Instant now = clock.now();
    if (!order.isPayable(now)) {
      throw new OrderStateException(
          "order.cannotPay", order.state(), "Order " + orderNo + " cannot be paid now");
    }
    PaymentGateway gateway = gateways.current();
    PaymentAttempt attempt =
        PaymentAttempt.start(
            order,
            payments.attemptsFor(order.id()) + 1,
            gateway.provider(),
            now,
            now.plus(FIRST_QUERY));
    payments.add(attempt);
    PaymentGateway.CreatedPayment created;
    try {
      created =
          gateway.create(
              attempt.reference(),
              attempt.amount(),
              order.productNameZh() + " × " + order.quantity(),
              notifyBase.resolve(gateway.provider()),
              returnUrl);
    } catch (RuntimeException e) {
      throw new GatewayUnavailableException("The gateway did not create the payment", e);
    }
    attempt.createdAtGateway(created.tradeNo(), created.payUrl().toString());
    return created.payUrl();
  }

  /**
   * Takes a notice from {@code provider}. Answers whether it was taken (the gateway stops repeating
   * it); a notice whose signature does not verify is not.
   */
  @PermitAll
  public boolean acceptNotice(@NotNull String provider, @NotNull Map<String, String> parameters) {
    Instant now = clock.now();
    Optional<PaymentGateway> gateway = gateways.byProvider(provider);
    Optional<GatewayNotice> verified = gateway.flatMap(g -> g.verify(parameters));
    if (verified.isEmpty()) {
      NoticeOutcome outcome =
          parameters.containsKey("sign") ? NoticeOutcome.BAD_SIGNATURE : NoticeOutcome.MALFORMED;
      payments.record(new PaymentNotice(provider, parameters, outcome, now));
      LOG.warning(() -> "Rejected a " + provider + " payment notice: " + outcome);
      return false;
    }
    NoticeOutcome outcome = apply(verified.get(), now);
    payments.record(new PaymentNotice(provider, parameters, outcome, now));
    if (outcome != NoticeOutcome.APPLIED && outcome != NoticeOutcome.REPEATED) {
      LOG.warning(
          () -> "Payment notice for " + verified.get().reference() + " not applied: " + outcome);
    }
    return true;
  }

  private NoticeOutcome apply(GatewayNotice notice, Instant now) {
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
    if (!payments.markPaid(attempt.reference(), notice.gatewayTradeNo(), paidAt)) {
      return NoticeOutcome.REPEATED;
    }
    Order order = orders.lock(attempt.orderId());
    Instant verifyBy = now.plus(OrderSettings.VERIFICATION_TIME);
    if (order.state() == OrderState.SUBMITTED) {
      order.recordPayment(now, OrderEvent.PAYMENT_GATEWAY, verifyBy);
      return NoticeOutcome.APPLIED;
    }
    if (order.state() == OrderState.CANCELLED) {
      if (!paidAt.isAfter(order.paymentDeadline().plus(LATE_PAYMENT_WINDOW))) {
        order.recordLatePayment(now, OrderEvent.PAYMENT_GATEWAY, verifyBy);
        return NoticeOutcome.APPLIED;
      }
      return NoticeOutcome.TOO_LATE;
    }
    return NoticeOutcome.DOUBLE_PAYMENT;
  }
}
