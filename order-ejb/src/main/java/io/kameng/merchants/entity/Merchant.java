package io.kameng.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A merchant as the order channel sees it: online or not, its standing and how many orders it may
 * hold at once. The row exists from the merchant's first action (or an admin's); the account and
 * its password are the identity component's.
 */
@Entity
@Table(name = "merchant")
public class Merchant {

  /** Orders a merchant may hold at once unless an admin sets another limit. */
  public static final int DEFAULT_ORDER_LIMIT = 5;

  /** The highest limit an admin can set. */
  public static final int ORDER_LIMIT_MAX = 500;

  @Id
  @Column(length = 64)
  private String username;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private MerchantStanding standing;

  @Column(nullable = false)
  private boolean online;

  @Column(name = "order_limit", nullable = false)
  private int orderLimit;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version private long version;

  protected Merchant() {}

  public String username() {
    return username;
  }

  public MerchantStanding standing() {
    return standing;
  }

  public boolean isOnline() {
    return online;
  }

  public int orderLimit() {
    return orderLimit;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public void goOnline(Instant now) {
    online = true;
    changedAt = now;
  }

  public void goOffline(Instant now) {
    online = false;
    changedAt = now;
  }

  /** An admin's decision: the standing and the concurrent-order limit. */
  public void changeStanding(MerchantStanding newStanding, int newLimit, Instant now) {
    standing = Objects.requireNonNull(newStanding, "A standing is required.");
    if (newLimit < 0 || newLimit > ORDER_LIMIT_MAX) {
      throw new MerchantException(
          "merchant.limitInvalid", "The order limit must be between 0 and " + ORDER_LIMIT_MAX);
    }
    orderLimit = newLimit;
    changedAt = now;
  }
}
