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
  NOT_FULFILLED
}
