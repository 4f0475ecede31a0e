package io.kameng.storefront.order;

import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderEventType;
import io.kameng.order.entity.OrderOwner;
import io.kameng.order.entity.ProgressNode;
import io.kameng.order.entity.StuckReason;
import io.kameng.payment.entity.Refund;
import io.kameng.storefront.i18n.BuyerLanguage;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How an order's facts read to its buyer, in their language: the API and the order page say the
 * same words. Internal details (usernames of staff, risk rule names) are not shown; a reason is
 * shown where the buyer needs it to act or to understand where the money is.
 */
public record BuyerWords(BuyerLanguage language) {

  private static final Set<OrderEventType> REASON_SHOWN =
      EnumSet.of(
          OrderEventType.BUYER_ASKED_TO_CORRECT,
          OrderEventType.REFUND_STARTED,
          OrderEventType.EXTRA_PAYMENT_REFUNDING,
          OrderEventType.LATE_PAYMENT_REFUNDING,
          OrderEventType.PART_REFUND_REQUESTED,
          OrderEventType.DELIVERED_IN_PART,
          OrderEventType.PAYMENT_REFUNDED);

  public String state(Order order) {
    return language.text("OrderState." + order.state().name());
  }

  /** One sentence on where the order stands and what happens next. */
  public String situation(Order order) {
    if (order.owner().filter(owner -> owner == OrderOwner.PAYMENT_GATEWAY).isPresent()) {
      return language.text("situation." + order.state().name() + ".atGateway");
    }
    return language.text("situation." + order.state().name());
  }

  public String owner(OrderOwner owner) {
    return language.text("OrderOwner." + owner.name());
  }

  /** A notice in buyer words: what happened (the cause and expected time are shown beside it). */
  public String notice(io.kameng.order.entity.OrderNotice notice) {
    return language.text("NoticeKind." + notice.kind().name());
  }

  public String stuckReason(StuckReason reason) {
    return language.text("StuckReason." + reason.name());
  }

  /** The node's label; fulfilling reads 充值中 for top-ups and recharges, 发货中 for codes. */
  public String node(ProgressNode node, Order order) {
    if (node == ProgressNode.FULFILLING) {
      return language.text(
          "ProgressNode.FULFILLING."
              + (order.productType().deliversCode() ? "delivery" : "recharge"));
    }
    return language.text("ProgressNode." + node.name());
  }

  public String event(OrderEvent event) {
    return language.text("OrderEventType." + event.event().name());
  }

  /**
   * Who did it, in buyer words: you, the platform, the payment provider, or the merchant or staff
   * handling it.
   */
  public String actor(OrderEvent event) {
    if (event.actor().startsWith(OrderEvent.MERCHANT_PREFIX)) {
      return language.text("actor.merchant");
    }
    return switch (event.actor()) {
      case OrderEvent.BUYER -> language.text("actor.buyer");
      case OrderEvent.SYSTEM -> language.text("actor.platform");
      case OrderEvent.PAYMENT_GATEWAY -> language.text("actor.paymentGateway");
      case OrderEvent.SUPPLIER -> language.text("actor.supplier");
      default -> language.text("actor.staff");
    };
  }

  /** Where a refund stands: being refunded, refunded, or refused and handed to staff. */
  public String refundState(Refund refund) {
    return language.text("RefundState." + refund.state().name());
  }

  public String refundReason(Refund refund) {
    return language.text("RefundReason." + refund.reason().name());
  }

  public Optional<String> reason(OrderEvent event) {
    return REASON_SHOWN.contains(event.event()) ? event.reason() : Optional.empty();
  }
}
