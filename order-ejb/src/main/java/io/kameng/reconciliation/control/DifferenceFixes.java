package io.kameng.reconciliation.control;

import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.StuckReason;
import io.kameng.payment.control.PaymentBook;
import io.kameng.payment.control.PaymentGateway;
import io.kameng.payment.control.PaymentGateways;
import io.kameng.payment.control.PaymentSettlement;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.GatewayNotice;
import io.kameng.payment.entity.NoticeOutcome;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.Refund;
import io.kameng.reconciliation.entity.Difference;
import io.kameng.reconciliation.entity.LineType;
import io.kameng.reconciliation.entity.StatementLine;
import io.kameng.supply.control.SupplyOutcomes;
import io.kameng.supply.entity.RechargeResult;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * What the platform does by itself about a difference, in the caller's transaction, always through
 * the path that acts once: a payment the platform missed is settled like a verified notice (the
 * attempt's compare-and-set), a refund the gateway made is recorded like its confirmation, a refund
 * the gateway does not have is asked again under its own request number, a supplier's recharge is
 * applied like its result. Never a refund of a payment the gateway does not show, never a reversal
 * of a supplier's recharge. Answers what was done, or empty when it waits for a person (the
 * difference then says why).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DifferenceFixes {

  @Inject StatementMatching matching;
  @Inject PaymentBook payments;
  @Inject PaymentSettlement settlement;
  @Inject PaymentGateways gateways;
  @Inject RefundRequests refunds;
  @Inject OrderBook orders;
  @Inject SupplyOutcomes supplyOutcomes;

  /**
   * The outcome of a fix: done (the difference is fixed) or not, with what happened; {@code retry}
   * when the next run should try again (a partner not reached).
   */
  public record Outcome(boolean done, String what, boolean retry) {
    Outcome(boolean done, String what) {
      this(done, what, false);
    }
  }

  public Outcome fix(Difference difference, Instant now) {
    return switch (difference.kind()) {
      case PLATFORM_MISSING, DUPLICATE_PAYMENT -> settleMissedPayment(difference, now);
      case STATUS_MISMATCH ->
          difference.statementLine().isPresent()
              ? recordRefund(difference, now)
              : askRefundAgain(difference);
      case GATEWAY_MISSING -> holdForPerson(difference, now);
      case ORDER_UNATTENDED -> handToPool(difference, now);
      case RECHARGED_ORDER_WAITING -> applyRecharge(difference, now);
      case RECHARGED_AFTER_REFUND -> noteMoneyToRecover(difference, now);
      default -> new Outcome(false, "listed for a person");
    };
  }

  private Outcome settleMissedPayment(Difference difference, Instant now) {
    if (payments.byReference(difference.matchKey()).isEmpty()) {
      return new Outcome(false, "no such payment at the platform: for a person");
    }
    StatementLine line = matching.line(difference.runId(), LineType.PAYMENT, difference.matchKey());
    NoticeOutcome outcome =
        settlement.settle(
            new GatewayNotice(
                line.reference(), line.partnerNo(), line.amount(), true, line.completedAt()),
            now);
    return switch (outcome) {
      case APPLIED -> new Outcome(true, "settled from the statement: the order goes on");
      case TOO_LATE -> new Outcome(true, "settled from the statement too late: refunded in full");
      case DOUBLE_PAYMENT ->
          new Outcome(
              true, "settled from the statement: order paid already," + " refunded in full");
      case REPEATED -> new Outcome(true, "already recorded");
      default -> new Outcome(false, "not settled: " + outcome);
    };
  }

  private Outcome recordRefund(Difference difference, Instant now) {
    Optional<Refund> refund = refundOf(difference);
    if (refund.isEmpty()) {
      return new Outcome(false, "no such refund at the platform: for a person");
    }
    boolean changed = refunds.confirmed(refund.get(), now);
    return new Outcome(
        true, changed ? "refund recorded as done, from the statement" : "refund recorded already");
  }

  private Outcome askRefundAgain(Difference difference) {
    Optional<Refund> refund = refundOf(difference);
    if (refund.isEmpty()) {
      return new Outcome(false, "no such refund at the platform: for a person");
    }
    PaymentAttempt attempt = payments.attempt(refund.get().attemptId()).orElseThrow();
    try {
      PaymentGateway gateway = gateways.byProvider(attempt.provider()).orElseThrow();
      PaymentGateway.RefundAnswer answer =
          gateway.refund(attempt.reference(), refund.get().requestNo(), refund.get().amount());
      return answer.refunded()
          ? new Outcome(
              true,
              "asked again under " + refund.get().requestNo() + ": the gateway answers refunded")
          : new Outcome(
              false,
              "asked again under "
                  + refund.get().requestNo()
                  + ": refused ("
                  + answer.refusal().orElse("")
                  + "), for a person");
    } catch (RuntimeException e) {
      Thread.interrupted();
      return new Outcome(false, "gateway not reached, asked again at the next run: " + e, true);
    }
  }

  private Outcome holdForPerson(Difference difference, Instant now) {
    Optional<Order> order = lockedOrder(difference);
    if (order.isEmpty()) {
      return new Outcome(false, "for a person");
    }
    order.get().reconciled(now, "支付机构账单中无此付款 / payment not in the gateway's statement");
    if (order.get().isEscalatable()) {
      order.get().escalate(now, StuckReason.PLATFORM, now.plus(OrderSettings.REFUND_TIME));
    }
    return new Outcome(false, "never refunded automatically: held for a person");
  }

  private Outcome handToPool(Difference difference, Instant now) {
    Optional<Order> order = lockedOrder(difference);
    if (order.isEmpty() || !order.get().isEscalatable()) {
      return new Outcome(true, "the order has moved on");
    }
    order.get().escalate(now, StuckReason.PLATFORM, now.plus(OrderSettings.REFUND_TIME));
    order.get().reconciled(now, "无人处理，已转人工 / unattended, handed to a person");
    return new Outcome(true, "handed to the exception pool");
  }

  private Outcome applyRecharge(Difference difference, Instant now) {
    StatementLine line =
        matching.line(difference.runId(), LineType.RECHARGED, difference.matchKey());
    SupplyOutcomes.Outcome outcome =
        supplyOutcomes.apply(
            new RechargeResult(
                line.reference(), line.partnerNo(), line.amount(), true, Optional.empty()),
            now);
    return new Outcome(
        outcome != SupplyOutcomes.Outcome.UNKNOWN_RECHARGE,
        "applied as the supplier's result: " + outcome);
  }

  private Outcome noteMoneyToRecover(Difference difference, Instant now) {
    String amount =
        matching
            .line(difference.runId(), LineType.RECHARGED, difference.matchKey())
            .amount()
            .toPlainString();
    lockedOrder(difference)
        .ifPresent(
            order ->
                order.reconciled(
                    now, "供货商已充值但订单已退款，待追回 " + amount + " / recharged after refund, to recover"));
    return new Outcome(false, "money lost: " + amount + " to recover; noted on the order");
  }

  private Optional<Refund> refundOf(Difference difference) {
    return payments.refundsOfOrder(difference.orderId().orElse(-1L)).stream()
        .filter(r -> r.requestNo().equals(difference.matchKey()))
        .findFirst()
        .flatMap(r -> payments.lockRefund(r.id()));
  }

  private Optional<Order> lockedOrder(Difference difference) {
    return difference.orderId().map(orders::lock);
  }
}
