package io.kameng.reconciliation.entity;

import java.math.BigDecimal;

/**
 * A day's money with one partner: what the statement says was received, refunded and charged as
 * fees, what the platform's records say, and how much of the gap the listed differences explain.
 * Balanced when the gap is fully explained: every yuan that differs has a difference that says why.
 */
public record MoneySummary(
    BigDecimal statementReceived,
    BigDecimal statementRefunded,
    BigDecimal statementFees,
    BigDecimal platformReceived,
    BigDecimal platformRefunded,
    BigDecimal platformFees,
    BigDecimal explained) {

  /** The net settlement the statement pays out: received less refunds and fees. */
  public BigDecimal statementNet() {
    return statementReceived.subtract(statementRefunded).subtract(statementFees);
  }

  /** The same as the platform's records make it. */
  public BigDecimal platformNet() {
    return platformReceived.subtract(platformRefunded).subtract(platformFees);
  }

  /** The part of the gap between the two nets that no listed difference explains. */
  public BigDecimal unexplained() {
    return statementNet().subtract(platformNet()).subtract(explained);
  }

  public boolean balanced() {
    return unexplained().signum() == 0;
  }
}
