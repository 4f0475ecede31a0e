package io.kameng.order.entity;

/**
 * Why a late order is late: the three sides of the problem (buyer, platform, merchant) made
 * explicit, shown to the buyer and counted against whoever caused it.
 */
public enum StuckReason {
  /** The buyer's input is wrong or missing. */
  USER_INPUT,
  /** The payment notice has not arrived. */
  PAYMENT_SYNC,
  /** Waiting for a risk reviewer. */
  RISK_REVIEW,
  /** Waiting for a merchant. */
  MERCHANT,
  /** Waiting for an upstream supplier. */
  SUPPLIER,
  /** No stock to deliver from. */
  OUT_OF_STOCK,
  /** The platform itself. */
  PLATFORM
}
