package io.kameng.payment.entity;

import io.kameng.order.entity.Order;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One try at paying an order: created when the buyer is sent to the gateway, with its own reference
 * there ({@code <orderNo>P<attemptNo>}) and the order's amount. It becomes paid through a
 * compare-and-set in the database (see {@code PaymentBook.markPaid}), never through a setter, so
 * only one notice can pay it.
 */
@Entity
@Table(name = "payment_attempt")
@NamedQuery(
    name = PaymentAttempt.BY_REFERENCE,
    query = "SELECT a FROM PaymentAttempt a WHERE a.reference = :reference")
@NamedQuery(
    name = PaymentAttempt.COUNT_FOR_ORDER,
    query = "SELECT COUNT(a) FROM PaymentAttempt a WHERE a.orderId = :orderId")
@NamedQuery(
    name = PaymentAttempt.PAID_FOR_ORDER,
    query =
        "SELECT a FROM PaymentAttempt a WHERE a.orderId = :orderId AND a.state = :paid"
            + " ORDER BY a.paidAt, a.id")
public class PaymentAttempt {

  public static final String PAID_FOR_ORDER = "PaymentAttempt.paidForOrder";

  public static final String BY_REFERENCE = "PaymentAttempt.byReference";
  public static final String COUNT_FOR_ORDER = "PaymentAttempt.countForOrder";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, updatable = false)
  private Long orderId;

  @Column(name = "attempt_no", nullable = false, updatable = false)
  private int attemptNo;

  @Column(nullable = false, updatable = false, length = 40)
  private String reference;

  @Column(nullable = false, updatable = false, length = 20)
  private String provider;

  @Column(name = "gateway_trade_no", length = 64)
  private String gatewayTradeNo;

  @Column(nullable = false, updatable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PaymentState state;

  @Column(name = "pay_url", length = 500)
  private String payUrl;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "next_query_at")
  private Instant nextQueryAt;

  @Column(nullable = false)
  private int queries;

  @Version private long version;

  protected PaymentAttempt() {}

  /** The {@code attemptNo}-th try at paying {@code order} through {@code provider}. */
  public static PaymentAttempt start(
      Order order, int attemptNo, String provider, Instant now, Instant firstQueryAt) {
    PaymentAttempt attempt = new PaymentAttempt();
    attempt.orderId = Objects.requireNonNull(order.id(), "The order must be stored.");
    attempt.attemptNo = attemptNo;
    attempt.reference = order.orderNo() + "P" + attemptNo;
    attempt.provider = Objects.requireNonNull(provider, "Provider is required.");
    attempt.amount = order.amount();
    attempt.state = PaymentState.CREATED;
    attempt.createdAt = now;
    attempt.nextQueryAt = firstQueryAt;
    return attempt;
  }

  /** The gateway accepted the payment and gave its trade number and the page to pay on. */
  public void createdAtGateway(String tradeNo, String url) {
    gatewayTradeNo = tradeNo;
    payUrl = url;
  }

  /**
   * The gateway was asked and the payment is still open: the next query is due at the next step of
   * {@code schedule} (times after creation), or never when the schedule is done.
   */
  public void queried(java.util.List<java.time.Duration> schedule) {
    queries++;
    nextQueryAt = queries < schedule.size() ? createdAt.plus(schedule.get(queries)) : null;
  }

  /** The gateway could not be asked: try again at {@code retryAt}, without using up a step. */
  public void queryFailed(Instant retryAt) {
    nextQueryAt = retryAt;
  }

  /** The gateway closed the payment unpaid. */
  public void closedAtGateway() {
    if (state == PaymentState.CREATED) {
      state = PaymentState.CLOSED;
      nextQueryAt = null;
    }
  }

  public int queries() {
    return queries;
  }

  public Optional<Instant> nextQueryAt() {
    return Optional.ofNullable(nextQueryAt);
  }

  public Long id() {
    return id;
  }

  public Long orderId() {
    return orderId;
  }

  public int attemptNo() {
    return attemptNo;
  }

  public String reference() {
    return reference;
  }

  public String provider() {
    return provider;
  }

  public Optional<String> gatewayTradeNo() {
    return Optional.ofNullable(gatewayTradeNo);
  }

  public BigDecimal amount() {
    return amount;
  }

  public PaymentState state() {
    return state;
  }

  public Optional<String> payUrl() {
    return Optional.ofNullable(payUrl);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> paidAt() {
    return Optional.ofNullable(paidAt);
  }
}
