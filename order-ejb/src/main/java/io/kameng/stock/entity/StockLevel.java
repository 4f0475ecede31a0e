package io.kameng.stock.entity;

/**
 * Where a card-key product's stock stands: keys in stock and issued, orders waiting for a restock,
 * and whether it is low (at or under {@link #LOW} keys) or sold out.
 */
public record StockLevel(
    long productId,
    String nameZh,
    String nameEn,
    long available,
    long issued,
    long waitingOrders,
    boolean listed,
    boolean soldOut) {

  /** At or under this many keys the owner is warned. */
  public static final int LOW = 10;

  public boolean isLow() {
    return available <= LOW;
  }
}
