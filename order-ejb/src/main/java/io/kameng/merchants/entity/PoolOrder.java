package io.kameng.merchants.entity;

import io.kameng.order.entity.Order;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order in the grab pool as merchants see it before claiming: what and how much, and until when
 * it is offered; the buyer's input only comes with the claim.
 */
public record PoolOrder(
    String orderNo,
    String productNameZh,
    String productNameEn,
    int quantity,
    BigDecimal amount,
    Instant offeredUntil) {

  public static PoolOrder of(Order order) {
    return new PoolOrder(
        order.orderNo(),
        order.productNameZh(),
        order.productNameEn(),
        order.quantity(),
        order.amount(),
        order.deadline().orElseThrow());
  }
}
