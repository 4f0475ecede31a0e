package io.kameng.payment.entity;

/** What Kameng did with a payment notice. */
public enum NoticeOutcome {
  /** Verified and applied: the attempt and its order are paid. */
  APPLIED,
  /** Verified, but the attempt was already paid: nothing changed. */
  REPEATED,
  /** The signature did not verify: nothing changed. */
  BAD_SIGNATURE,
  /** Fields missing or unreadable: nothing changed. */
  MALFORMED,
  /** Verified, but no attempt has this reference: nothing changed. */
  UNKNOWN_PAYMENT,
  /** Verified, but the amount is not the attempt's: nothing changed, flagged for admins. */
  AMOUNT_MISMATCH,
  /** Verified, but it does not say the trade is paid: nothing changed. */
  NOT_PAID,
  /**
   * Verified and recorded, but the order was already paid through another attempt: the extra
   * payment is to be refunded.
   */
  DOUBLE_PAYMENT,
  /**
   * Verified and recorded, but paid more than 12 hours after the order expired unpaid: the money is
   * to be refunded.
   */
  TOO_LATE
}
