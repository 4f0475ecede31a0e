package io.kameng.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A notice to the buyer about their order (the transactional outbox): written by the order in the
 * transaction of the change it tells of, so both commit or neither. It is the in-app notice on the
 * order page, and it is delivered as a signed webhook to the storefront's endpoint, retried on
 * {@link #RETRIES} until taken or the retries are used up.
 */
@Entity
@Table(name = "order_notice")
public class OrderNotice {

  /** The waits before each retry of a webhook delivery that failed. */
  public static final List<Duration> RETRIES =
      List.of(
          Duration.ofSeconds(15),
          Duration.ofSeconds(15),
          Duration.ofSeconds(30),
          Duration.ofMinutes(3),
          Duration.ofMinutes(10),
          Duration.ofMinutes(20),
          Duration.ofMinutes(30),
          Duration.ofMinutes(30),
          Duration.ofHours(1));

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id", nullable = false, updatable = false)
  private Order order;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private NoticeKind kind;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false, length = 20)
  private StuckReason cause;

  @Column(name = "expected_at", updatable = false)
  private Instant expectedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private NoticeDelivery delivery;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected OrderNotice() {}

  OrderNotice(Order order, NoticeKind kind, StuckReason cause, Instant expectedAt, Instant now) {
    this.order = order;
    this.kind = kind;
    this.cause = cause;
    this.expectedAt = expectedAt;
    this.createdAt = now;
    this.delivery = NoticeDelivery.PENDING;
    this.nextAttemptAt = now;
  }

  /** A delivery is about to be tried: no other dispatcher tries it before {@code leaseUntil}. */
  public void leased(Instant leaseUntil) {
    nextAttemptAt = leaseUntil;
  }

  /** The endpoint took the notice. */
  public void delivered(Instant now) {
    attempts++;
    delivery = NoticeDelivery.DELIVERED;
    deliveredAt = now;
    nextAttemptAt = null;
  }

  /** The endpoint did not take it: tried again after the next wait, or given up. */
  public void failed(Instant now) {
    attempts++;
    if (attempts > RETRIES.size()) {
      delivery = NoticeDelivery.FAILED;
      nextAttemptAt = null;
    } else {
      nextAttemptAt = now.plus(RETRIES.get(attempts - 1));
    }
  }

  /** No endpoint is configured: the notice stays in the app only. */
  public void inAppOnly() {
    delivery = NoticeDelivery.IN_APP_ONLY;
    nextAttemptAt = null;
  }

  public Long id() {
    return id;
  }

  public Order order() {
    return order;
  }

  public NoticeKind kind() {
    return kind;
  }

  public Optional<StuckReason> cause() {
    return Optional.ofNullable(cause);
  }

  public Optional<Instant> expectedAt() {
    return Optional.ofNullable(expectedAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public NoticeDelivery delivery() {
    return delivery;
  }

  public int attempts() {
    return attempts;
  }

  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }

  public Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt);
  }
}
