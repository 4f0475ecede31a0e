package io.kameng.stock.entity;

/** Where a card key is. */
public enum CardKeyState {
  /** In stock, not promised to anybody. */
  AVAILABLE,
  /** Issued to an order; never to another. */
  ISSUED
}
