package io.kameng.payment.boundary;

import io.kameng.order.control.OrderBook;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderStateException;
import io.kameng.payment.control.GatewayUnavailableException;
import io.kameng.payment.control.PaymentBook;
import io.kameng.payment.control.PaymentGateway;
import io.kameng.payment.control.PaymentGateways;
import io.kameng.payment.control.PaymentSettlement;
import io.kameng.payment.entity.GatewayNotice;
import io.kameng.payment.entity.NoticeOutcome;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.PaymentNotice;
import io.kameng.payment.entity.Refund;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

  @Inject OrderBook orders;
  @Inject PaymentBook payments;
  @Inject PaymentGateways gateways;
  @Inject PaymentSettlement settlement;
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
            now.plus(PaymentQueries.schedule().get(0)));
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
    order.sentToPay(now, now.plus(PaymentQueries.schedule().get(0)));
    return created.payUrl();
  }

  /** The refunds of an order, oldest first, for its buyer (who holds the access token). */
  @PermitAll
  public List<Refund> refundsOf(@NotNull String orderNo, String accessToken) {
    return payments.refundsOfOrder(orders.owned(orderNo, accessToken).id());
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
    NoticeOutcome outcome = settlement.settle(verified.get(), now);
    payments.record(new PaymentNotice(provider, parameters, outcome, now));
    if (outcome != NoticeOutcome.APPLIED && outcome != NoticeOutcome.REPEATED) {
      LOG.warning(
          () -> "Payment notice for " + verified.get().reference() + " not applied: " + outcome);
    }
    return true;
  }
}
