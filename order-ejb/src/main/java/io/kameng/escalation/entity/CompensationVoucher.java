package io.kameng.escalation.entity;

import io.kameng.order.entity.StuckReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A credit voucher the buyer got for a delay beyond the exception pool time that the platform or a
 * merchant caused: at most one per order, charged to the merchant when the merchant caused it.
 */
@Entity
@Table(name = "compensation_voucher")
public class CompensationVoucher {

  @Id
  @Column(name = "order_id")
  private Long orderId;

  @Column(nullable = false, updatable = false, length = 32)
  private String code;

  @Column(nullable = false, updatable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private StuckReason cause;

  @Column(name = "charged_to", updatable = false, length = 64)
  private String chargedTo;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  protected CompensationVoucher() {}

  public CompensationVoucher(
      long orderId,
      String code,
      BigDecimal amount,
      StuckReason cause,
      String chargedTo,
      Instant issuedAt) {
    this.orderId = orderId;
    this.code = code;
    this.amount = amount;
    this.cause = cause;
    this.chargedTo = chargedTo;
    this.issuedAt = issuedAt;
  }

  public long orderId() {
    return orderId;
  }

  public String code() {
    return code;
  }

  public BigDecimal amount() {
    return amount;
  }

  public StuckReason cause() {
    return cause;
  }

  /** The merchant who pays for it; empty when the platform does. */
  public Optional<String> chargedTo() {
    return Optional.ofNullable(chargedTo);
  }

  public Instant issuedAt() {
    return issuedAt;
  }
}
