package io.kameng.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One thing that counts against a merchant, on one order. Only ever inserted. */
@Entity
@Table(name = "merchant_strike")
public class MerchantStrike {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String merchant;

  @Column(name = "order_id", nullable = false, updatable = false)
  private Long orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 30)
  private StrikeKind kind;

  @Column(updatable = false, length = 500)
  private String note;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  protected MerchantStrike() {}

  public MerchantStrike(String merchant, long orderId, StrikeKind kind, String note, Instant now) {
    this.merchant = Objects.requireNonNull(merchant, "A merchant is required.");
    this.orderId = orderId;
    this.kind = Objects.requireNonNull(kind, "A kind is required.");
    this.note = note == null || note.length() <= 500 ? note : note.substring(0, 500);
    this.occurredAt = Objects.requireNonNull(now, "A time is required.");
  }

  public String merchant() {
    return merchant;
  }

  public long orderId() {
    return orderId;
  }

  public StrikeKind kind() {
    return kind;
  }

  public String note() {
    return note;
  }

  public Instant occurredAt() {
    return occurredAt;
  }
}
