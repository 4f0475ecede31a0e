package io.kameng.order.entity;

/** What happened to an order, as its timeline records it. */
public enum OrderEventType {
  SUBMITTED,
  SENT_TO_PAY,
  CANCELLED_BY_BUYER,
  EXPIRED_UNPAID,
  INPUT_CORRECTED,
  PAID,
  PAID_LATE,
  VERIFICATION_STARTED,
  SENT_TO_REVIEW,
  BUYER_ASKED_TO_CORRECT,
  FULFILMENT_STARTED,
  COMPLETED,
  REFUND_STARTED,
  REFUNDED,
  MARKED_LATE,
  EXTRA_PAYMENT_REFUNDING,
  LATE_PAYMENT_REFUNDING,
  PAYMENT_REFUNDED,
  PART_REFUND_REQUESTED,
  OUT_OF_STOCK,
  DELIVERED_IN_PART,
  HANDED_TO_PLATFORM,
  SUPPLIER_CHANGED,
  MERCHANT_ASSIGNED,
  OFFERED_TO_POOL,
  MERCHANT_CLAIMED,
  MERCHANT_ACCEPTED,
  MERCHANT_REJECTED,
  MERCHANT_TIMED_OUT,
  MERCHANT_WENT_OFFLINE,
  /** The ladder's delay notice: the buyer is told the cause and the new expected time. */
  DELAYED,
  /** The ladder put the order in the exception pool: a person at the platform owns it. */
  ESCALATED,
  /** A reviewer took the order from the review queue. */
  REVIEW_CLAIMED,
  /** The reviewer let the order go on. */
  REVIEW_APPROVED,
  /** The first review was not done in time: a senior reviewer has it now. */
  REVIEW_ESCALATED,
  /** A person at the platform took the order from the exception pool. */
  POOL_CLAIMED,
  /** A person at the platform holds the order until a deadline (no automatic refund before). */
  HELD,
  /** A person at the platform sent the order to be delivered again. */
  REDISPATCHED,
  /** The buyer got a credit voucher for the delay. */
  COMPENSATED,
  /** The nightly reconciliation found a difference on the order with a partner's statement. */
  RECONCILED
}
