package io.kameng.reconciliation.entity;

/** Whose statement a run reconciles: the payment gateway's or an upstream supplier's. */
public enum StatementKind {
  /** The gateway's trade bill: payments and refunds. */
  PAYMENT,
  /** A supplier's statement of recharges. */
  SUPPLIER;

  /** The batch job that reconciles this kind of statement. */
  public String jobName() {
    return this == PAYMENT ? "payment-reconciliation" : "supplier-reconciliation";
  }
}
