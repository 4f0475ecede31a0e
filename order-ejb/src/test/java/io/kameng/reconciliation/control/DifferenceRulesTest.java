package io.kameng.reconciliation.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.reconciliation.control.DifferenceRules.Agrees;
import io.kameng.reconciliation.control.DifferenceRules.Differs;
import io.kameng.reconciliation.control.DifferenceRules.Pool;
import io.kameng.reconciliation.control.DifferenceRules.Verdict;
import io.kameng.reconciliation.entity.Comparison;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.Finding;
import io.kameng.reconciliation.entity.LineType;
import io.kameng.reconciliation.entity.StatementKind;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DifferenceRulesTest {

  private static final BigDecimal RATE = new BigDecimal("0.006");
  private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
  private static final String LINE = "2026120122001400001,PAY-0001,交易,...";

  /** Builds a {@link Comparison}; unset parts are "no line", "no record". */
  private static final class Item {
    StatementKind statement = StatementKind.PAYMENT;
    LineType type = LineType.PAYMENT;
    String reference = "PAY-0001";
    String refundNo;
    String line;
    BigDecimal amount;
    BigDecimal fee = BigDecimal.ZERO.setScale(2);
    Long recordId;
    String recordState;
    BigDecimal recordAmount;
    Long orderId = 7L;
    String orderNo = "K20261201000007";
    String orderState;
    boolean otherPaid;
    boolean nearCutOff;

    Item line(String amount, String fee) {
      this.line = LINE;
      this.amount = new BigDecimal(amount);
      this.fee = new BigDecimal(fee);
      return this;
    }

    Item record(String state, String amount) {
      this.recordId = 42L;
      this.recordState = state;
      this.recordAmount = new BigDecimal(amount);
      if (this.amount == null) {
        this.amount = this.recordAmount; // a record without a line: its own amount
      }
      return this;
    }

    Item order(String state) {
      this.orderState = state;
      return this;
    }

    Item refund(String refundNo) {
      this.type = LineType.REFUND;
      this.refundNo = refundNo;
      return this;
    }

    Item supplier(LineType type) {
      this.statement = StatementKind.SUPPLIER;
      this.type = type;
      this.reference = "RQ-0001";
      return this;
    }

    Comparison build() {
      return new Comparison(
          line == null ? 0 : 1,
          statement,
          type,
          reference,
          refundNo,
          line,
          amount,
          fee,
          AT,
          recordId,
          recordState,
          recordAmount,
          orderId,
          orderNo,
          orderState,
          otherPaid,
          nearCutOff,
          RATE);
    }
  }

  private static Item item() {
    return new Item();
  }

  private static Finding differs(Verdict verdict, DifferenceKind kind) {
    assertThat(verdict).isInstanceOf(Differs.class);
    Finding finding = ((Differs) verdict).finding();
    assertThat(finding.kind()).isEqualTo(kind);
    return finding;
  }

  // --- the gateway's trade bill ---

  @Test
  void aPaymentLineWithoutRecordIsPlatformMissing() {
    Comparison item = item().line("10.00", "0.06").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.PLATFORM_MISSING);
    assertThat(finding.matchKey()).isEqualTo("PAY-0001");
    assertThat(finding.amount()).isEqualByComparingTo("9.94");
    assertThat(finding.statementLine()).isEqualTo(LINE);
    assertThat(finding.platformRecord()).isNull();
    assertThat(finding.orderNo()).isEqualTo("K20261201000007");
  }

  @Test
  void aPaymentLineWhoseRecordIsStillCreatedIsPlatformMissing() {
    Comparison item = item().line("10.00", "0.06").record("CREATED", "10.00").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.PLATFORM_MISSING);
    assertThat(finding.matchKey()).isEqualTo("PAY-0001");
    assertThat(finding.amount()).isEqualByComparingTo("9.94");
    assertThat(finding.platformRecord())
        .isEqualTo("payment PAY-0001 CREATED 10.00 order K20261201000007 null");
  }

  @Test
  void aPaymentLineForAnOrderPaidOtherwiseIsADuplicatePayment() {
    Item builder = item().line("10.00", "0.06").record("CREATED", "10.00").order("PAID");
    builder.otherPaid = true;

    Finding finding =
        differs(DifferenceRules.classify(builder.build()), DifferenceKind.DUPLICATE_PAYMENT);
    assertThat(finding.matchKey()).isEqualTo("PAY-0001");
    assertThat(finding.amount()).isEqualByComparingTo("9.94");
  }

  @Test
  void anotherAmountIsAmountMismatch() {
    Comparison item = item().line("10.00", "0.06").record("PAID", "12.00").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.AMOUNT_MISMATCH);
    assertThat(finding.matchKey()).isEqualTo("PAY-0001");
    // 9.94 on the bill, 12.00 - 0.07 at the platform
    assertThat(finding.amount()).isEqualByComparingTo("-1.99");
  }

  @Test
  void aFeeOneFenOffIsFeeMismatch() {
    Comparison item = item().line("95.00", "0.58").record("PAID", "95.00").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.FEE_MISMATCH);
    assertThat(finding.matchKey()).isEqualTo("PAY-0001");
    assertThat(finding.amount()).isEqualByComparingTo("-0.01");
  }

  @Test
  void theRateGivesTheFeeHalfUp() {
    // 95.00 x 0.006 = 0.57 exactly; 10.00 x 0.006 = 0.06; 0.75 x 0.006 = 0.0045 -> 0.00
    assertThat(item().build().expectedFee(new BigDecimal("95.00"))).isEqualByComparingTo("0.57");
    assertThat(item().build().expectedFee(new BigDecimal("-10.00"))).isEqualByComparingTo("0.06");
    assertThat(item().build().expectedFee(new BigDecimal("0.75"))).isEqualByComparingTo("0.00");
    assertThat(item().build().expectedFee(new BigDecimal("1.25"))).isEqualByComparingTo("0.01");
  }

  @Test
  void anExactPaidMatchAgrees() {
    assertThat(
            DifferenceRules.classify(
                item().line("95.00", "0.57").record("PAID", "95.00").order("COMPLETED").build()))
        .isInstanceOf(Agrees.class);
    assertThat(
            DifferenceRules.gap(
                item().line("95.00", "0.57").record("PAID", "95.00").order("COMPLETED").build()))
        .isEqualByComparingTo("0");
  }

  @Test
  void aSucceededRefundLineAgrees() {
    Comparison item =
        item().refund("RF-0001").line("-10.00", "-0.06").record("SUCCEEDED", "10.00").build();

    assertThat(DifferenceRules.classify(item)).isInstanceOf(Agrees.class);
    assertThat(DifferenceRules.gap(item)).isEqualByComparingTo("0");
  }

  @Test
  void aRefundLineWhoseRefundIsStillRetryingIsStatusMismatch() {
    Comparison item =
        item().refund("RF-0001").line("-10.00", "-0.06").record("RETRYING", "10.00").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.STATUS_MISMATCH);
    assertThat(finding.matchKey()).isEqualTo("RF-0001");
    // -10.00 back to the buyer, 0.06 fee given back
    assertThat(finding.amount()).isEqualByComparingTo("-9.94");
    assertThat(finding.platformRecord()).startsWith("refund RF-0001 RETRYING 10.00");
  }

  @Test
  void aPaymentOnlyThePlatformHasIsGatewayMissing() {
    Comparison item = item().record("PAID", "10.00").order("COMPLETED").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.GATEWAY_MISSING);
    assertThat(finding.matchKey()).isEqualTo("PAY-0001");
    assertThat(finding.amount()).isEqualByComparingTo("-9.94");
    assertThat(finding.statementLine()).isNull();
  }

  @Test
  void aRecordOnlyThePlatformHasNearTheCutOffWaitsInThePool() {
    Item payment = item().record("PAID", "10.00");
    payment.nearCutOff = true;
    Item refund = item().refund("RF-0001").record("SUCCEEDED", "10.00");
    refund.nearCutOff = true;
    Item recharge = item().supplier(LineType.RECHARGED).record("SUCCEEDED", "50.00");
    recharge.nearCutOff = true;

    assertThat(DifferenceRules.classify(payment.build())).isInstanceOf(Pool.class);
    assertThat(DifferenceRules.classify(refund.build())).isInstanceOf(Pool.class);
    assertThat(DifferenceRules.classify(recharge.build())).isInstanceOf(Pool.class);
    // what the pool holds for it
    assertThat(DifferenceRules.gap(payment.build())).isEqualByComparingTo("-9.94");
  }

  @Test
  void aRefundOnlyThePlatformHasIsStatusMismatch() {
    Comparison item = item().refund("RF-0001").record("SUCCEEDED", "10.00").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.STATUS_MISMATCH);
    assertThat(finding.matchKey()).isEqualTo("RF-0001");
    assertThat(finding.amount()).isEqualByComparingTo("9.94");
  }

  // --- the supplier's statement ---

  @Test
  void aRechargeOfARefundedOrderIsRechargedAfterRefund() {
    Comparison item =
        item()
            .supplier(LineType.RECHARGED)
            .line("50.00", "0.00")
            .record("FAILED", "50.00")
            .order("REFUNDED")
            .build();

    Finding finding =
        differs(DifferenceRules.classify(item), DifferenceKind.RECHARGED_AFTER_REFUND);
    assertThat(finding.matchKey()).isEqualTo("RQ-0001");
    assertThat(finding.amount()).isEqualByComparingTo("50.00");
    assertThat(finding.platformRecord())
        .isEqualTo("recharge RQ-0001 FAILED 50.00 order K20261201000007 REFUNDED");
  }

  @Test
  void aRechargeOfAnOrderRefundingIsRechargedAfterRefundToo() {
    Comparison item =
        item()
            .supplier(LineType.RECHARGED)
            .line("50.00", "0.00")
            .record("SENT", "50.00")
            .order("REFUNDING")
            .build();

    Finding finding =
        differs(DifferenceRules.classify(item), DifferenceKind.RECHARGED_AFTER_REFUND);
    assertThat(finding.amount()).isEqualByComparingTo("50.00");
  }

  @Test
  void aRechargeOfAnOrderStillFulfillingIsRechargedOrderWaiting() {
    Comparison item =
        item()
            .supplier(LineType.RECHARGED)
            .line("50.00", "0.00")
            .record("SENT", "50.00")
            .order("FULFILLING")
            .build();

    Finding finding =
        differs(DifferenceRules.classify(item), DifferenceKind.RECHARGED_ORDER_WAITING);
    assertThat(finding.matchKey()).isEqualTo("RQ-0001");
    assertThat(finding.amount()).isEqualByComparingTo("50.00");
  }

  @Test
  void aFailureOfACompletedOrderIsFailedOrderCompleted() {
    Comparison item =
        item()
            .supplier(LineType.FAILED)
            .line("50.00", "0.00")
            .record("SUCCEEDED", "50.00")
            .order("COMPLETED")
            .build();

    Finding finding =
        differs(DifferenceRules.classify(item), DifferenceKind.FAILED_ORDER_COMPLETED);
    assertThat(finding.matchKey()).isEqualTo("RQ-0001");
    assertThat(finding.amount()).isEqualByComparingTo("-50.00");
  }

  @Test
  void aRechargeThePlatformNeverAskedForIsRechargeUnknown() {
    Comparison item = item().supplier(LineType.RECHARGED).line("50.00", "0.00").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.RECHARGE_UNKNOWN);
    assertThat(finding.matchKey()).isEqualTo("RQ-0001");
    assertThat(finding.amount()).isEqualByComparingTo("50.00");
    assertThat(finding.platformRecord()).isNull();
  }

  @Test
  void anotherRechargeAmountIsRechargeAmountMismatch() {
    Comparison item =
        item()
            .supplier(LineType.RECHARGED)
            .line("50.00", "0.00")
            .record("SUCCEEDED", "30.00")
            .order("COMPLETED")
            .build();

    Finding finding =
        differs(DifferenceRules.classify(item), DifferenceKind.RECHARGE_AMOUNT_MISMATCH);
    assertThat(finding.matchKey()).isEqualTo("RQ-0001");
    assertThat(finding.amount()).isEqualByComparingTo("20.00");
  }

  @Test
  void aRechargeOnlyThePlatformHasIsSupplierMissing() {
    Comparison item =
        item().supplier(LineType.RECHARGED).record("SUCCEEDED", "50.00").order("COMPLETED").build();

    Finding finding = differs(DifferenceRules.classify(item), DifferenceKind.SUPPLIER_MISSING);
    assertThat(finding.matchKey()).isEqualTo("RQ-0001");
    assertThat(finding.amount()).isEqualByComparingTo("-50.00");
  }

  @Test
  void matchingSupplierLinesAgree() {
    Comparison recharged =
        item()
            .supplier(LineType.RECHARGED)
            .line("50.00", "0.00")
            .record("SUCCEEDED", "50.00")
            .order("COMPLETED")
            .build();
    Comparison failed =
        item()
            .supplier(LineType.FAILED)
            .line("50.00", "0.00")
            .record("FAILED", "50.00")
            .order("REFUNDED")
            .build();

    assertThat(DifferenceRules.classify(recharged)).isInstanceOf(Agrees.class);
    assertThat(DifferenceRules.gap(recharged)).isEqualByComparingTo("0");
    assertThat(DifferenceRules.classify(failed)).isInstanceOf(Agrees.class);
    assertThat(DifferenceRules.gap(failed)).isEqualByComparingTo("0");
  }

  // --- items whose money differs in ways the match step alone would miss ---

  @Test
  void aPaymentLineWhoseFeeWasGivenBackDoesNotAgree() {
    // 服务费 +0.06 on a 交易 row: the reader makes fee -0.06; the rules compare |fee| only
    Comparison item = item().line("10.00", "-0.06").record("PAID", "10.00").build();

    assertThat(DifferenceRules.gap(item)).isEqualByComparingTo("0.12");
    differs(DifferenceRules.classify(item), DifferenceKind.FEE_MISMATCH);
  }

  @Test
  void aRefundLineWhoseFeeWasChargedDoesNotAgree() {
    Comparison item =
        item().refund("RF-0001").line("-10.00", "0.06").record("SUCCEEDED", "10.00").build();

    assertThat(DifferenceRules.gap(item)).isEqualByComparingTo("-0.12");
    assertThat(DifferenceRules.classify(item)).isNotInstanceOf(Agrees.class);
  }

  @Test
  void aRechargeWhoseRecordIsNotSucceededDoesNotAgreeWhateverTheOrder() {
    Comparison item =
        item()
            .supplier(LineType.RECHARGED)
            .line("50.00", "0.00")
            .record("SENT", "50.00")
            .order("COMPLETED")
            .build();

    assertThat(DifferenceRules.gap(item)).isEqualByComparingTo("50.00");
    assertThat(DifferenceRules.classify(item)).isNotInstanceOf(Agrees.class);
  }

  @Test
  void aFailureWhoseRecordSucceededDoesNotAgreeWhateverTheOrder() {
    Comparison item =
        item()
            .supplier(LineType.FAILED)
            .line("50.00", "0.00")
            .record("SUCCEEDED", "50.00")
            .order("REFUNDED")
            .build();

    assertThat(DifferenceRules.gap(item)).isEqualByComparingTo("-50.00");
    assertThat(DifferenceRules.classify(item)).isNotInstanceOf(Agrees.class);
  }

  @Test
  void rechargedAfterRefundOfASucceededRecordExplainsMoreThanTheGap() {
    Comparison item =
        item()
            .supplier(LineType.RECHARGED)
            .line("50.00", "0.00")
            .record("SUCCEEDED", "50.00")
            .order("REFUNDED")
            .build();

    Finding finding =
        differs(DifferenceRules.classify(item), DifferenceKind.RECHARGED_AFTER_REFUND);
    assertThat(finding.amount()).isEqualByComparingTo(DifferenceRules.gap(item));
  }

  @Test
  void aRefundLineWithoutRecordIsNotAMissedPayment() {
    Comparison item = item().refund("RF-0009").line("-10.00", "-0.06").build();

    Finding finding = ((Differs) DifferenceRules.classify(item)).finding();
    assertThat(finding.kind()).isNotEqualTo(DifferenceKind.PLATFORM_MISSING);
  }
}
