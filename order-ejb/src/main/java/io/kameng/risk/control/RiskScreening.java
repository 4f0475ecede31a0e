package io.kameng.risk.control;

import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import io.kameng.risk.entity.BlacklistEntry;
import io.kameng.risk.entity.BlacklistKind;
import io.kameng.risk.entity.RiskDecision;
import io.kameng.risk.entity.RiskRule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Screens a paid order being verified against the risk rules, once per order, in the caller's
 * transaction: the decision and the rules that fired are stored; an order to review goes to the
 * review queue (first review due after the first-review time), a blocked one is refunded with the
 * reason. Thresholds are platform settings; 0 switches a count or amount rule off.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RiskScreening {

  /** Night hours are hours in China. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @PersistenceContext EntityManager em;
  @Inject RefundRequests refunds;

  /** Answers whether the order goes on to delivery now (passed, or decided before). */
  public boolean screen(Order order, Instant now) {
    if (em.find(RiskDecision.class, order.id()) != null) {
      return true;
    }
    List<RiskRule> fired = rulesFiring(order, now);
    RiskDecision decision = new RiskDecision(order.id(), fired, now);
    em.persist(decision);
    String rules = String.join(", ", fired.stream().map(Enum::name).toList());
    return switch (decision.outcome()) {
      case PASS -> true;
      case REVIEW -> {
        order.sendToReview(
            now, rules, now.plus(LiveSettings.duration(Setting.FIRST_REVIEW_MINUTES)));
        yield false;
      }
      case BLOCK -> {
        refunds.refundWhole(
            order, OrderEvent.SYSTEM, "blocked: " + rules, RefundReason.RISK_BLOCKED, now);
        yield false;
      }
    };
  }

  /** The rules that fire for the order at {@code now}. */
  List<RiskRule> rulesFiring(Order order, Instant now) {
    List<RiskRule> fired = new ArrayList<>();
    if (blacklisted(order)) {
      fired.add(RiskRule.BLACKLISTED);
    }
    Instant since = now.minus(LiveSettings.duration(Setting.RISK_WINDOW_MINUTES));
    long ipLimit = LiveSettings.count(Setting.RISK_IP_ORDERS);
    if (ipLimit > 0
        && order.buyerIp().isPresent()
        && recent("buyer_ip", order.buyerIp().get(), since) > ipLimit) {
      fired.add(RiskRule.IP_VELOCITY);
    }
    long buyerLimit = LiveSettings.count(Setting.RISK_BUYER_ORDERS);
    if (buyerLimit > 0
        && order.buyerKey().isPresent()
        && recent("buyer_key", order.buyerKey().get(), since) > buyerLimit) {
      fired.add(RiskRule.BUYER_VELOCITY);
    }
    BigDecimal amount = order.amount();
    if (over(amount, Setting.RISK_AMOUNT_LIMIT)) {
      fired.add(RiskRule.AMOUNT_LIMIT);
    }
    if (atLeast(amount, Setting.RISK_NEW_BUYER_AMOUNT) && isNewBuyer(order)) {
      fired.add(RiskRule.NEW_BUYER_LARGE);
    }
    if (atLeast(amount, Setting.RISK_NIGHT_AMOUNT) && isNight(now)) {
      fired.add(RiskRule.NIGHT_HOURS);
    }
    if (LiveSettings.numbers(Setting.RISK_PRODUCTS).contains(order.productId())) {
      fired.add(RiskRule.HIGH_RISK_PRODUCT);
    }
    return fired;
  }

  private boolean blacklisted(Order order) {
    Map<String, BlacklistKind> named = new LinkedHashMap<>();
    order
        .buyerIp()
        .ifPresent(ip -> named.put(BlacklistKind.IP + ":" + normalise(ip), BlacklistKind.IP));
    for (BlacklistKind kind : BlacklistKind.values()) {
      for (String field : kind.fields()) {
        String value = order.buyerInput().get(field);
        if (value != null && !value.isBlank()) {
          named.put(kind + ":" + normalise(value), kind);
        }
      }
    }
    if (named.isEmpty()) {
      return false;
    }
    List<String> values =
        named.keySet().stream().map(key -> key.substring(key.indexOf(':') + 1)).toList();
    return em
        .createQuery(
            "SELECT b FROM BlacklistEntry b WHERE b.value IN :values", BlacklistEntry.class)
        .setParameter("values", values)
        .getResultList()
        .stream()
        .anyMatch(entry -> named.containsKey(entry.kind() + ":" + entry.value()));
  }

  private long recent(String column, String value, Instant since) {
    // The column is one of this class's constants, never input.
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM customer_order WHERE "
                        + column
                        + " = ?1 AND submitted_at >= ?2")
                .setParameter(1, value)
                .setParameter(2, Timestamp.from(since))
                .getSingleResult())
        .longValue();
  }

  private boolean isNewBuyer(Order order) {
    if (order.buyerKey().isEmpty()) {
      return true;
    }
    return ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM customer_order WHERE buyer_key = ?1"
                            + " AND state = 'COMPLETED' AND id <> ?2")
                    .setParameter(1, order.buyerKey().get())
                    .setParameter(2, order.id())
                    .getSingleResult())
            .longValue()
        == 0;
  }

  static boolean isNight(Instant now) {
    int hour = now.atZone(CHINA).getHour();
    long from = LiveSettings.count(Setting.RISK_NIGHT_FROM_HOUR);
    long to = LiveSettings.count(Setting.RISK_NIGHT_TO_HOUR);
    if (from == to) {
      return false;
    }
    return from < to ? hour >= from && hour < to : hour >= from || hour < to;
  }

  private static boolean over(BigDecimal amount, Setting limit) {
    BigDecimal threshold = LiveSettings.money(limit);
    return threshold.signum() > 0 && amount.compareTo(threshold) > 0;
  }

  private static boolean atLeast(BigDecimal amount, Setting limit) {
    BigDecimal threshold = LiveSettings.money(limit);
    return threshold.signum() > 0 && amount.compareTo(threshold) >= 0;
  }

  private static String normalise(String value) {
    return BlacklistEntry.normalise(value);
  }
}
