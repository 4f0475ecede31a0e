package io.kameng.order.entity;

/** What a notice to the buyer (in-app and webhook) tells. */
public enum NoticeKind {
  PAID,
  UNDER_REVIEW,
  ACTION_NEEDED,
  DELAYED,
  ESCALATED,
  FULFILLED,
  REFUNDING,
  REFUNDED
}
