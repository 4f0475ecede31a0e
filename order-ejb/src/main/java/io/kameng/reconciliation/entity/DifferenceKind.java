package io.kameng.reconciliation.entity;

/**
 * The kinds of difference between a partner's statement and the platform's records, and whether the
 * platform fixes one by itself. Fixes only ever go through the paths that act once (the payment's
 * compare-and-set, the refund's request number, the supplier's result), so a re-run of the day
 * fixes nothing twice.
 */
public enum DifferenceKind {
  /** The gateway took a payment the platform never recorded: settled like a verified notice. */
  PLATFORM_MISSING(StatementKind.PAYMENT, true),
  /** The platform recorded a payment the gateway does not have: never refunded automatically. */
  GATEWAY_MISSING(StatementKind.PAYMENT, true),
  /** The statement's amount is not the platform's. */
  AMOUNT_MISMATCH(StatementKind.PAYMENT, false),
  /**
   * Both have it, in another state: a refund done at the gateway but not recorded (recorded), or
   * recorded as refunded but absent at the gateway (asked again under the same request number).
   */
  STATUS_MISMATCH(StatementKind.PAYMENT, true),
  /** A second payment for an order already paid: refunded if not already. */
  DUPLICATE_PAYMENT(StatementKind.PAYMENT, true),
  /** The gateway charged another fee than its rate says. */
  FEE_MISMATCH(StatementKind.PAYMENT, false),
  /** A paid order that is neither settled nor on the escalation ladder: handed to a person. */
  ORDER_UNATTENDED(StatementKind.PAYMENT, true),
  /** The refunds of an order do not add up to what its state says. */
  REFUNDS_DO_NOT_ADD_UP(StatementKind.PAYMENT, false),
  /** The supplier recharged an order the platform refunded: money to recover, never reverted. */
  RECHARGED_AFTER_REFUND(StatementKind.SUPPLIER, true),
  /** The supplier recharged an order that still waits: completed through the result path. */
  RECHARGED_ORDER_WAITING(StatementKind.SUPPLIER, true),
  /**
   * The supplier recharged, the platform does not count it done, and the order is not waiting for
   * it (completed by another supplier, for example): money paid out that needs a person.
   */
  RECHARGE_NOT_RECORDED(StatementKind.SUPPLIER, false),
  /** The supplier says the recharge failed but the platform counts it done. */
  FAILED_ORDER_COMPLETED(StatementKind.SUPPLIER, false),
  /** The supplier has a recharge the platform never asked for. */
  RECHARGE_UNKNOWN(StatementKind.SUPPLIER, false),
  /** The platform has a finished recharge the supplier's statement does not. */
  SUPPLIER_MISSING(StatementKind.SUPPLIER, false),
  /** The supplier's amount is not the platform's. */
  RECHARGE_AMOUNT_MISMATCH(StatementKind.SUPPLIER, false);

  private final StatementKind statement;
  private final boolean fixable;

  DifferenceKind(StatementKind statement, boolean fixable) {
    this.statement = statement;
    this.fixable = fixable;
  }

  /** Whose statement finds it. */
  public StatementKind statement() {
    return statement;
  }

  /** Whether the platform acts on it by itself (it is listed either way). */
  public boolean fixable() {
    return fixable;
  }
}
