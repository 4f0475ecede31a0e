package io.kameng.payment.entity;

/** Why money goes back. */
public enum RefundReason {
  /** The order was already paid through another attempt. */
  EXTRA_PAYMENT,
  /** Paid more than 12 hours after the order expired unpaid. */
  LATE_PAYMENT
}
