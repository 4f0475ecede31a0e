package io.kameng.catalogue.entity;

/** How a product's orders are delivered. */
public enum FulfilmentChannel {
  /** A card key issued from stock, exactly once. */
  CARD_KEY,
  /** An upstream supplier's recharge API, with an asynchronous result. */
  SUPPLIER,
  /** A merchant by hand: the product's designated merchant, or the grab pool when none. */
  MERCHANT
}
