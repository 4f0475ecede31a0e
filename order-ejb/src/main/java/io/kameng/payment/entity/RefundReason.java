package io.kameng.payment.entity;

/** Why money goes back. */
public enum RefundReason {
  /** The order was already paid through another attempt. */
  EXTRA_PAYMENT,
  /** Paid more than 12 hours after the order expired unpaid. */
  LATE_PAYMENT,
  /** Part of the order was not delivered (partial fulfilment): that part's money goes back. */
  UNDELIVERED_PART,
  /** The order could not be fulfilled: all the money still held goes back. */
  NOT_FULFILLED,
  /** A risk rule blocked the order (a blacklisted buyer). */
  RISK_BLOCKED,
  /** A reviewer rejected the order. */
  REVIEW_REJECTED,
  /** The buyer did not correct their input in time. */
  BUYER_INPUT_MISSING,
  /** The ladder's automatic refund: not delivered in time and nobody held it. */
  AUTO_REFUND,
  /** A person at the platform refunded the order from the exception pool. */
  STAFF_REFUND
}
