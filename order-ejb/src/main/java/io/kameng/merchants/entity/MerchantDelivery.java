package io.kameng.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** What a merchant delivered by hand: the text its buyer reads on the order page. */
@Entity
@Table(name = "merchant_delivery")
public class MerchantDelivery {

  /** The longest delivery text. */
  public static final int NOTE_MAX = 1000;

  @Id
  @Column(name = "order_id")
  private Long orderId;

  @Column(nullable = false, updatable = false, length = 64)
  private String merchant;

  @Column(nullable = false, updatable = false, length = NOTE_MAX)
  private String note;

  @Column(name = "delivered_at", nullable = false, updatable = false)
  private Instant deliveredAt;

  protected MerchantDelivery() {}

  public MerchantDelivery(long orderId, String merchant, String note, Instant now) {
    this.orderId = orderId;
    this.merchant = Objects.requireNonNull(merchant, "A merchant is required.");
    this.note = Objects.requireNonNull(note, "A delivery text is required.");
    this.deliveredAt = Objects.requireNonNull(now, "A time is required.");
  }

  public long orderId() {
    return orderId;
  }

  public String merchant() {
    return merchant;
  }

  public String note() {
    return note;
  }

  public Instant deliveredAt() {
    return deliveredAt;
  }
}
