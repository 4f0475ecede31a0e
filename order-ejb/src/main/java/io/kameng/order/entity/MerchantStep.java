package io.kameng.order.entity;

/** How far the merchant holding an order (merchant channel) has come with it. */
public enum MerchantStep {
  /** The product's designated merchant got it and has not accepted it yet. */
  ASSIGNED,
  /** A merchant took it from the grab pool and has not accepted it yet. */
  CLAIMED,
  /** The merchant committed to deliver it by the order's deadline. */
  ACCEPTED
}
