package io.kameng.reconciliation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneySummaryTest {

  private static MoneySummary summary(String explained) {
    return new MoneySummary(
        new BigDecimal("20.00"),
        new BigDecimal("10.00"),
        new BigDecimal("0.06"),
        new BigDecimal("10.00"),
        new BigDecimal("10.00"),
        new BigDecimal("0.00"),
        new BigDecimal(explained));
  }

  @Test
  void netsAreReceivedLessRefundsAndFees() {
    MoneySummary summary = summary("9.94");

    assertThat(summary.statementNet()).isEqualByComparingTo("9.94");
    assertThat(summary.platformNet()).isEqualByComparingTo("0.00");
  }

  @Test
  void aFullyExplainedGapIsBalanced() {
    MoneySummary summary = summary("9.94");

    assertThat(summary.unexplained()).isEqualByComparingTo("0");
    assertThat(summary.balanced()).isTrue();
  }

  @Test
  void whatNoDifferenceExplainsIsUnexplained() {
    assertThat(summary("9.00").unexplained()).isEqualByComparingTo("0.94");
    assertThat(summary("9.00").balanced()).isFalse();
    assertThat(summary("10.00").unexplained()).isEqualByComparingTo("-0.06");
    assertThat(summary("10.00").balanced()).isFalse();
  }

  @Test
  void scaleDoesNotMatterForBalance() {
    MoneySummary summary =
        new MoneySummary(
            new BigDecimal("10"),
            BigDecimal.ZERO,
            new BigDecimal("0.060"),
            new BigDecimal("10.00"),
            BigDecimal.ZERO,
            new BigDecimal("0.06"),
            BigDecimal.ZERO.setScale(2));

    assertThat(summary.balanced()).isTrue();
  }
}
