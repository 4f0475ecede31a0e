package io.kameng.reconciliation.entity;

import java.math.BigDecimal;

/**
 * What a statement file adds up to, from its rows.
 *
 * @param received the payments (or recharges) in it
 * @param refunded the refunds in it, as a positive sum
 * @param fees the fees charged less those given back
 */
public record StatementTotals(
    long lines, BigDecimal received, BigDecimal refunded, BigDecimal fees) {

  public BigDecimal net() {
    return received.subtract(refunded).subtract(fees);
  }
}
