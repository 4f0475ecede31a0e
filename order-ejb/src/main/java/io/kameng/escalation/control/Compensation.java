package io.kameng.escalation.control;

import io.kameng.escalation.entity.CompensationVoucher;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.StuckReason;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * The compensation rule: a delay beyond the exception pool time that the platform or a merchant
 * caused (every cause but the buyer's own input) gives the buyer a credit voucher of a percentage
 * of the order, at least a minimum and at most a maximum (platform settings: 5 %, ¥1, ¥20), once
 * per order; a merchant who caused it pays for it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Compensation {

  @PersistenceContext EntityManager em;

  /** What the rule gives for an order of {@code amount} (zero when the percentage is 0). */
  public static BigDecimal amountFor(
      BigDecimal amount, long percent, BigDecimal min, BigDecimal max) {
    if (percent <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal share =
        amount
            .multiply(BigDecimal.valueOf(percent))
            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    return share.max(min).min(max).setScale(2, RoundingMode.HALF_UP);
  }

  /** Whether a delay of this cause is compensated: every cause but the buyer's own input. */
  public static boolean isCompensated(StuckReason cause) {
    return cause != StuckReason.USER_INPUT;
  }

  /**
   * Issues the voucher the order is owed for a delay of {@code cause} (the order is locked by the
   * caller), charged to {@code merchant} when a merchant caused it; nothing when it is not owed or
   * was issued before. Answers the voucher issued now.
   */
  public Optional<CompensationVoucher> issueIfOwed(
      Order order, StuckReason cause, Optional<String> merchant, Instant now) {
    if (!isCompensated(cause) || em.find(CompensationVoucher.class, order.id()) != null) {
      return Optional.empty();
    }
    BigDecimal amount =
        amountFor(
            order.amount(),
            LiveSettings.count(Setting.COMPENSATION_PERCENT),
            LiveSettings.money(Setting.COMPENSATION_MIN),
            LiveSettings.money(Setting.COMPENSATION_MAX));
    if (amount.signum() <= 0) {
      return Optional.empty();
    }
    String chargedTo =
        cause == StuckReason.MERCHANT
            ? merchant.or(() -> lastMerchantOf(order)).orElse(null)
            : null;
    CompensationVoucher voucher =
        new CompensationVoucher(order.id(), "CV" + order.orderNo(), amount, cause, chargedTo, now);
    em.persist(voucher);
    order.compensated(now, amount.toPlainString());
    return Optional.of(voucher);
  }

  /** The voucher of an order, if it got one. */
  public Optional<CompensationVoucher> of(long orderId) {
    return Optional.ofNullable(em.find(CompensationVoucher.class, orderId));
  }

  /** The merchant who last let the order wait (its latest strike), if any. */
  private Optional<String> lastMerchantOf(Order order) {
    return em
        .createNativeQuery(
            "SELECT merchant FROM merchant_strike WHERE order_id = ?1 ORDER BY id DESC LIMIT 1")
        .setParameter(1, order.id())
        .getResultList()
        .stream()
        .findFirst()
        .map(String::valueOf);
  }
}
