package io.kameng.payment.control;

import io.kameng.payment.entity.GatewayNotice;
import io.kameng.payment.entity.TradeStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What Kameng needs from a payment provider. One adapter per provider; which ones are active is
 * configuration. Adapters wrap their calls in MicroProfile Fault Tolerance.
 */
public interface PaymentGateway {

  /** The name in notify URLs and records, for example {@code sandbox}. */
  String provider();

  /**
   * Creates a payment at the provider for {@code reference}; answers where to send the buyer.
   *
   * @throws GatewayUnavailableException when the provider cannot be reached or refuses
   */
  CreatedPayment create(
      String reference, BigDecimal amount, String subject, URI notifyUrl, URI returnUrl);

  /**
   * The notice if its signature verifies with the provider's key and its fields are readable; empty
   * otherwise.
   */
  Optional<GatewayNotice> verify(Map<String, String> parameters);

  /**
   * Asks the provider where a payment stands (for attempts whose notice did not come).
   *
   * @throws RuntimeException when the provider cannot be reached; the query is tried again later
   */
  TradeStatus query(String reference);

  /**
   * Refunds {@code amount} of a paid payment under {@code requestNo}. The same request number asked
   * again never refunds twice: the provider answers with the first refund.
   *
   * @throws RuntimeException when the provider cannot be reached or did not answer in time; the
   *     refund is asked again later with the same number
   */
  RefundAnswer refund(String reference, String requestNo, BigDecimal amount);

  /**
   * The provider's answer to a refund.
   *
   * @param refusal empty when refunded; otherwise the provider's code for a refusal that asking
   *     again will not change (for example more than was paid)
   */
  record RefundAnswer(Optional<String> refusal) {
    public boolean refunded() {
      return refusal.isEmpty();
    }
  }

  /**
   * The provider's trade number and the absolute URL of its pay page.
   *
   * @param tradeNo the provider's number for the payment
   */
  record CreatedPayment(String tradeNo, URI payUrl) {}
}
