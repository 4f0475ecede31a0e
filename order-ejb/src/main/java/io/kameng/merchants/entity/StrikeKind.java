package io.kameng.merchants.entity;

/** What counts against a merchant: an order it let wait or sent back. */
public enum StrikeKind {
  /** Offline (or at its limit) when its designated order came: the order went to the pool. */
  OFFLINE_WHEN_ASSIGNED,
  /** Went offline holding orders it had not accepted yet. */
  WENT_OFFLINE,
  /** Did not accept an assigned or claimed order in time. */
  ACCEPT_MISSED,
  /** Accepted an order and did not deliver it in time. */
  FULFIL_MISSED,
  /** Sent an order back to the pool. */
  REJECTED,
  /**
   * An order it held was late on the escalation ladder (the buyer got the delay notice, or the
   * order went to the exception pool): the stuck reason MERCHANT counted against the merchant.
   */
  ORDER_DELAYED
}
