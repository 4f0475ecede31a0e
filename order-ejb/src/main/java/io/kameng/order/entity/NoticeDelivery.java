package io.kameng.order.entity;

/** How far a notice's webhook delivery is. */
public enum NoticeDelivery {
  /** To be sent (again) at its next attempt time. */
  PENDING,
  /** The storefront's endpoint took it. */
  DELIVERED,
  /** Every retry failed. */
  FAILED,
  /** No webhook endpoint was configured when it was due: the in-app notice only. */
  IN_APP_ONLY
}
