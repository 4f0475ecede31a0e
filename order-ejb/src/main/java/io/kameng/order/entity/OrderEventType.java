package io.kameng.order.entity;

/** What happened to an order, as its timeline records it. */
public enum OrderEventType {
  SUBMITTED,
  CANCELLED_BY_BUYER,
  EXPIRED_UNPAID,
  INPUT_CORRECTED,
  PAID,
  VERIFICATION_STARTED,
  SENT_TO_REVIEW,
  BUYER_ASKED_TO_CORRECT,
  FULFILMENT_STARTED,
  COMPLETED,
  REFUND_STARTED,
  REFUNDED,
  MARKED_LATE
}
