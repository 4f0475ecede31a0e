package io.kameng.reconciliation.control;

import io.kameng.reconciliation.entity.Comparison;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.Finding;
import io.kameng.reconciliation.entity.LineType;
import io.kameng.reconciliation.entity.StatementKind;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies what the match step could not call equal. Each item gives at most one difference; its
 * amount is the money it accounts for (the statement's net minus the platform's), so the listed
 * differences explain every yuan between the two sides of the day. A platform record without a line
 * near the day's cut-off is not a difference yet: it waits in the holding pool.
 */
public final class DifferenceRules {

  /** What an item comes to: a difference, the holding pool, or nothing (it agrees after all). */
  public sealed interface Verdict {}

  public record Differs(Finding finding) implements Verdict {}

  public record Pool() implements Verdict {}

  public record Agrees() implements Verdict {}

  private static final Set<String> REFUNDED_ORDER = Set.of("REFUNDING", "REFUNDED");

  private DifferenceRules() {}

  public static Verdict classify(Comparison item) {
    if (!item.hasLine()) {
      return platformOnly(item);
    }
    Optional<Finding> finding =
        item.statement() == StatementKind.PAYMENT ? gatewayLine(item) : supplierLine(item);
    return finding.<Verdict>map(Differs::new).orElseGet(Agrees::new);
  }

  private static Verdict platformOnly(Comparison item) {
    if (item.nearCutOff()) {
      return new Pool();
    }
    DifferenceKind kind =
        switch (item.type()) {
          case PAYMENT -> DifferenceKind.GATEWAY_MISSING;
          case REFUND -> DifferenceKind.STATUS_MISMATCH;
          default -> DifferenceKind.SUPPLIER_MISSING;
        };
    return new Differs(finding(item, kind, key(item), gap(item)));
  }

  private static Optional<Finding> gatewayLine(Comparison item) {
    BigDecimal gap = gap(item);
    if (!item.hasRecord()) {
      // A refund the gateway made that the platform never asked for is a refund's status, not a
      // missed payment.
      DifferenceKind kind =
          item.type() == LineType.REFUND
              ? DifferenceKind.STATUS_MISMATCH
              : DifferenceKind.PLATFORM_MISSING;
      return Optional.of(finding(item, kind, key(item), gap));
    }
    boolean recorded =
        item.recordState().equals(item.type() == LineType.PAYMENT ? "PAID" : "SUCCEEDED");
    if (item.amount().abs().compareTo(item.recordAmount()) != 0) {
      return Optional.of(finding(item, DifferenceKind.AMOUNT_MISMATCH, key(item), gap));
    }
    if (!recorded) {
      DifferenceKind kind =
          item.type() == LineType.REFUND
              ? DifferenceKind.STATUS_MISMATCH
              : item.otherPaid()
                  ? DifferenceKind.DUPLICATE_PAYMENT
                  : DifferenceKind.PLATFORM_MISSING;
      return Optional.of(finding(item, kind, key(item), gap));
    }
    BigDecimal expectedFee =
        item.type() == LineType.PAYMENT
            ? item.expectedFee(item.amount())
            : item.expectedFee(item.amount()).negate();
    if (item.fee().compareTo(expectedFee) != 0) {
      return Optional.of(finding(item, DifferenceKind.FEE_MISMATCH, key(item), gap));
    }
    return Optional.empty();
  }

  private static Optional<Finding> supplierLine(Comparison item) {
    if (!item.hasRecord()) {
      return Optional.of(finding(item, DifferenceKind.RECHARGE_UNKNOWN, key(item), lineNet(item)));
    }
    boolean recharged = item.type() == LineType.RECHARGED;
    boolean succeeded = "SUCCEEDED".equals(item.recordState());
    BigDecimal gap = lineNet(item).subtract(platformNet(item));
    if (item.amount().compareTo(item.recordAmount()) != 0) {
      return Optional.of(finding(item, DifferenceKind.RECHARGE_AMOUNT_MISMATCH, key(item), gap));
    }
    if (recharged && REFUNDED_ORDER.contains(item.orderState())) {
      // The money went out twice: to the supplier, and back to the buyer. Its amount is still
      // the gap between the two sides (the money to recover is in what the fix notes).
      return Optional.of(finding(item, DifferenceKind.RECHARGED_AFTER_REFUND, key(item), gap));
    }
    if (recharged && !succeeded) {
      return Optional.of(
          finding(
              item,
              "FULFILLING".equals(item.orderState())
                  ? DifferenceKind.RECHARGED_ORDER_WAITING
                  : DifferenceKind.RECHARGE_NOT_RECORDED,
              key(item),
              gap));
    }
    if (!recharged && succeeded) {
      return Optional.of(finding(item, DifferenceKind.FAILED_ORDER_COMPLETED, key(item), gap));
    }
    return Optional.empty();
  }

  /** The money an item accounts for: the statement's net minus the platform's. */
  public static BigDecimal gap(Comparison item) {
    return (item.hasLine() ? lineNet(item) : BigDecimal.ZERO.setScale(2))
        .subtract(platformNet(item));
  }

  /**
   * The statement's net for the item: payments less fees; refunds (negative) less fees given back.
   */
  static BigDecimal lineNet(Comparison item) {
    if (item.statement() == StatementKind.SUPPLIER) {
      return item.type() == LineType.RECHARGED ? item.amount() : BigDecimal.ZERO.setScale(2);
    }
    return item.amount().subtract(item.fee());
  }

  /** The platform's net for the item's record, as the statement would show it. */
  static BigDecimal platformNet(Comparison item) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    if (!item.hasRecord()) {
      return zero;
    }
    BigDecimal money = item.recordAmount();
    return switch (item.type()) {
      case PAYMENT ->
          "PAID".equals(item.recordState()) ? money.subtract(item.expectedFee(money)) : zero;
      case REFUND ->
          "SUCCEEDED".equals(item.recordState())
              ? money.negate().add(item.expectedFee(money))
              : zero;
      case RECHARGED, FAILED -> "SUCCEEDED".equals(item.recordState()) ? money : zero;
    };
  }

  private static String key(Comparison item) {
    return item.refundNo() != null ? item.refundNo() : item.reference();
  }

  private static Finding finding(
      Comparison item, DifferenceKind kind, String key, BigDecimal amount) {
    return new Finding(
        kind, key, item.orderId(), item.orderNo(), item.line(), record(item), amount);
  }

  /** The platform's record as an admin reads it. */
  static String record(Comparison item) {
    if (!item.hasRecord()) {
      return null;
    }
    return String.join(
        " ",
        java.util.Arrays.asList(
            item.type() == LineType.PAYMENT
                ? "payment"
                : item.type() == LineType.REFUND ? "refund" : "recharge",
            item.refundNo() != null ? item.refundNo() : item.reference(),
            String.valueOf(item.recordState()),
            item.recordAmount() == null ? "-" : item.recordAmount().toPlainString(),
            "order " + item.orderNo() + " " + item.orderState()));
  }
}
