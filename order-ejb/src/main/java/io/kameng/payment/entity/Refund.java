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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Money going back for one paid attempt. Its request number is what the gateway sees; every try
 * uses the same number, so a try whose answer was lost is asked again without ever paying twice.
 * Tries back off (30 s, 1 min, 5 min, 15 min, then hourly) until the gateway confirms or refuses.
 */
@Entity
@Table(name = "refund")
@NamedQuery(
    name = Refund.COUNT_FOR_ATTEMPT,
    query = "SELECT COUNT(r) FROM Refund r WHERE r.attemptId = :attemptId")
@NamedQuery(
    name = Refund.NOT_SUCCEEDED,
    query = "SELECT r FROM Refund r WHERE r.state <> :succeeded ORDER BY r.id DESC")
@NamedQuery(
    name = Refund.FOR_ORDER,
    query = "SELECT r FROM Refund r WHERE r.orderId = :orderId ORDER BY r.id")
@NamedQuery(
    name = Refund.HELD_FOR_ATTEMPT,
    query =
        "SELECT COALESCE(SUM(r.amount), 0) FROM Refund r"
            + " WHERE r.attemptId = :attemptId AND r.state <> :failed")
@NamedQuery(
    name = Refund.OPEN_FOR_ORDER,
    query = "SELECT COUNT(r) FROM Refund r WHERE r.orderId = :orderId AND r.state IN :open")
public class Refund {

  public static final String FOR_ORDER = "Refund.forOrder";

  public static final String HELD_FOR_ATTEMPT = "Refund.heldForAttempt";

  public static final String OPEN_FOR_ORDER = "Refund.openForOrder";

  public static final String NOT_SUCCEEDED = "Refund.notSucceeded";

  public static final String COUNT_FOR_ATTEMPT = "Refund.countForAttempt";

  static final List<Duration> BACKOFF =
      List.of(
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1));

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, updatable = false)
  private Long orderId;

  @Column(name = "attempt_id", nullable = false, updatable = false)
  private Long attemptId;

  @Column(name = "request_no", nullable = false, updatable = false, length = 48)
  private String requestNo;

  @Column(nullable = false, updatable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 30)
  private RefundReason reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RefundState state;

  @Column(nullable = false)
  private int tries;

  @Column(name = "next_try_at")
  private Instant nextTryAt;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "settled_at")
  private Instant settledAt;

  @Version private long version;

  protected Refund() {}

  /** The {@code number}-th refund of a paid attempt, due at once. */
  public static Refund of(
      PaymentAttempt attempt, int number, BigDecimal amount, RefundReason reason, Instant now) {
    Refund refund = new Refund();
    refund.orderId = attempt.orderId();
    refund.attemptId = Objects.requireNonNull(attempt.id(), "The attempt must be stored.");
    refund.requestNo = attempt.reference() + "R" + number;
    refund.amount = Objects.requireNonNull(amount, "Amount is required.");
    refund.reason = Objects.requireNonNull(reason, "Reason is required.");
    refund.state = RefundState.REQUESTED;
    refund.createdAt = now;
    refund.nextTryAt = now;
    return refund;
  }

  /** The gateway confirmed the refund. */
  public void succeeded(Instant now) {
    tries++;
    state = RefundState.SUCCEEDED;
    settledAt = now;
    nextTryAt = null;
    lastError = null;
  }

  /** The gateway refused the refund for good. */
  public void refused(String code, Instant now) {
    tries++;
    state = RefundState.FAILED;
    settledAt = now;
    nextTryAt = null;
    lastError = cut(code);
  }

  /** The try failed or its answer was lost: the same request is asked again later. */
  public void retryLater(String error, Instant now) {
    tries++;
    state = RefundState.RETRYING;
    nextTryAt = now.plus(BACKOFF.get(Math.min(tries, BACKOFF.size()) - 1));
    lastError = cut(error);
  }

  private static String cut(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }

  public Long id() {
    return id;
  }

  public Long orderId() {
    return orderId;
  }

  public Long attemptId() {
    return attemptId;
  }

  public String requestNo() {
    return requestNo;
  }

  public BigDecimal amount() {
    return amount;
  }

  public RefundReason reason() {
    return reason;
  }

  public RefundState state() {
    return state;
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Optional<Instant> settledAt() {
    return Optional.ofNullable(settledAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public int tries() {
    return tries;
  }

  public Optional<Instant> nextTryAt() {
    return Optional.ofNullable(nextTryAt);
  }
}
