package io.kameng.stock.entity;

/** Why a row of a card-key import was rejected. */
public enum RowProblem {
  /** Nothing in the row. */
  EMPTY,
  /** Not a key: 4 to 100 letters, digits or {@code - _ . / + =}, one column. */
  MALFORMED,
  /** The same key came earlier in the same file. */
  DUPLICATE_IN_FILE,
  /** The key is already in stock (or was issued). */
  DUPLICATE_IN_STOCK
}
