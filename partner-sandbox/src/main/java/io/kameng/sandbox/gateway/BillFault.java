package io.kameng.sandbox.gateway;

/**
 * What goes wrong with the daily trade bill on demand (see {@link Faults}): the first five for a
 * day ({@code yyyy-MM-dd} or {@code *}), the last two for one payment (its {@code out_trade_no}).
 */
public enum BillFault {
  /** The query answers that the bill does not exist yet, whatever the clock says. */
  NOT_READY(true),
  /** The download answers 503. */
  DOWN(true),
  /** The query's download URL has expired already: the download answers 403. */
  EXPIRED(true),
  /** The detail file is cut off in the middle of a row: no end marker, no trailer. */
  TRUNCATED(true),
  /** The trailer's payment count is one more, and its sum 0.01 more, than the rows. */
  BAD_TRAILER(true),
  /** The payment's fee in the bill is 0.01 more (more negative) than the rule. */
  WRONG_FEE(false),
  /** The payment's order amount and received amount in the bill are 1.00 more than paid. */
  WRONG_AMOUNT(false);

  private final boolean forDay;

  BillFault(boolean forDay) {
    this.forDay = forDay;
  }

  /** Whether the fault is for a day's bill (else for one payment's row). */
  public boolean forDay() {
    return forDay;
  }
}
