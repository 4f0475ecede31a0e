package io.kameng.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A payment notice as received, with what Kameng did about it: the record admins read when a notice
 * was forged, mismatched or repeated. Written once, never changed.
 */
@Entity
@Table(name = "payment_notice")
@NamedQuery(
    name = PaymentNotice.PROBLEMS,
    query = "SELECT n FROM PaymentNotice n WHERE n.outcome NOT IN :fine ORDER BY n.id DESC")
public class PaymentNotice {

  public static final String PROBLEMS = "PaymentNotice.problems";

  static final int PAYLOAD_MAX = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false, length = 20)
  private String provider;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(updatable = false, length = 64)
  private String reference;

  @Column(name = "gateway_trade_no", updatable = false, length = 64)
  private String gatewayTradeNo;

  @Column(updatable = false, length = 32)
  private String amount;

  @Column(name = "trade_status", updatable = false, length = 32)
  private String tradeStatus;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 30)
  private NoticeOutcome outcome;

  @Column(nullable = false, updatable = false, length = PAYLOAD_MAX)
  private String payload;

  protected PaymentNotice() {}

  /** Records the notice's parameters as sent (the signature left out) and the outcome. */
  public PaymentNotice(
      String provider, Map<String, String> parameters, NoticeOutcome outcome, Instant now) {
    this.provider = cut(provider, 20);
    this.receivedAt = now;
    this.reference = cut(parameters.get("out_trade_no"), 64);
    this.gatewayTradeNo = cut(parameters.get("trade_no"), 64);
    this.amount = cut(parameters.get("total_amount"), 32);
    this.tradeStatus = cut(parameters.get("trade_status"), 32);
    this.outcome = outcome;
    this.payload =
        cut(
            parameters.entrySet().stream()
                .filter(e -> !e.getKey().equals("sign"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")),
            PAYLOAD_MAX);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public NoticeOutcome outcome() {
    return outcome;
  }

  public String provider() {
    return provider;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  public Optional<String> amount() {
    return Optional.ofNullable(amount);
  }

  /** The parameters as received, the signature left out. */
  public String payload() {
    return payload;
  }
}
