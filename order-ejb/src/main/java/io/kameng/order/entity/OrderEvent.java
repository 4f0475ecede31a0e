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
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an order's timeline: when, who, what, and why. Written once by the order itself and
 * never changed (no setters, every column not updatable).
 */
@Entity
@Table(name = "order_event")
public class OrderEvent {

  public static final int REASON_MAX = 500;

  /** The actor of events the platform does by itself (expiry, scans). */
  public static final String SYSTEM = "SYSTEM";

  /** The actor of events the payment gateway's notices cause. */
  public static final String PAYMENT_GATEWAY = "PAYMENT_GATEWAY";

  /** The actor of events a guest buyer does. */
  public static final String BUYER = "BUYER";

  /** An upstream supplier (its result). */
  public static final String SUPPLIER = "SUPPLIER";

  /** What merchants' events carry as actor before their username. */
  public static final String MERCHANT_PREFIX = "merchant:";

  /** The actor of events a merchant does. */
  public static String merchant(String username) {
    return MERCHANT_PREFIX + username;
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id", nullable = false, updatable = false)
  private Order order;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 64)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 40)
  private OrderEventType event;

  @Enumerated(EnumType.STRING)
  @Column(name = "state_after", nullable = false, updatable = false, length = 20)
  private OrderState stateAfter;

  @Column(updatable = false, length = REASON_MAX)
  private String reason;

  /** The event's position among those its transaction wrote for the order (same time). */
  @Column(updatable = false)
  private Integer seq;

  protected OrderEvent() {}

  OrderEvent(
      Order order,
      Instant occurredAt,
      String actor,
      OrderEventType event,
      OrderState stateAfter,
      String reason,
      int seq) {
    this.order = Objects.requireNonNull(order, "Order is required.");
    this.occurredAt = Objects.requireNonNull(occurredAt, "Time is required.");
    this.actor = Objects.requireNonNull(actor, "Actor is required.");
    this.event = Objects.requireNonNull(event, "Event is required.");
    this.stateAfter = Objects.requireNonNull(stateAfter, "State is required.");
    this.reason =
        reason == null || reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX);
    this.seq = seq;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public OrderEventType event() {
    return event;
  }

  public OrderState stateAfter() {
    return stateAfter;
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }
}
