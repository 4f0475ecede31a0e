package io.kameng.order.entity;

/** Who has to act next on an order that is not settled. */
public enum OrderOwner {
  /** The buyer: to pay, or to correct their input. */
  BUYER,
  /** The payment gateway: its notice is awaited. */
  PAYMENT_GATEWAY,
  /** A risk reviewer. */
  RISK_REVIEW,
  /** A merchant fulfilling by hand. */
  MERCHANT,
  /** Card-key stock: the order waits for a restock. */
  STOCK,
  /** An upstream supplier's recharge. */
  SUPPLIER,
  /** The platform: its own checks, or a human in the exception pool. */
  PLATFORM
}
