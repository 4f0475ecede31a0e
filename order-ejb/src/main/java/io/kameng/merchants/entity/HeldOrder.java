package io.kameng.merchants.entity;

import io.kameng.order.entity.MerchantStep;
import io.kameng.order.entity.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An order a merchant holds, as that merchant sees it: what to deliver to whom (the buyer's input),
 * how far it is, and by when the next step is due.
 */
public record HeldOrder(
    String orderNo,
    String productNameZh,
    String productNameEn,
    int quantity,
    BigDecimal amount,
    Map<String, String> buyerInput,
    MerchantStep step,
    Instant dueBy) {

  public static HeldOrder of(Order order) {
    return new HeldOrder(
        order.orderNo(),
        order.productNameZh(),
        order.productNameEn(),
        order.quantity(),
        order.amount(),
        order.buyerInput(),
        order.merchantStep().orElseThrow(),
        order.deadline().orElseThrow());
  }

  public boolean isAccepted() {
    return step == MerchantStep.ACCEPTED;
  }
}
