package io.kameng.order.entity;

/**
 * The named steps a buyer follows: 已提交 → 已支付 → 校验中 → 审核中 (only when it happens) → 充值中/发货中 → 已完成; an
 * order that ends otherwise ends in 已取消, 退款中 → 已退款.
 */
public enum ProgressNode {
  SUBMITTED(OrderState.SUBMITTED),
  PAID(OrderState.PAID),
  VERIFYING(OrderState.VERIFYING),
  IN_REVIEW(OrderState.IN_REVIEW),
  AWAITING_BUYER(OrderState.AWAITING_BUYER),
  FULFILLING(OrderState.FULFILLING),
  COMPLETED(OrderState.COMPLETED),
  CANCELLED(OrderState.CANCELLED),
  REFUNDING(OrderState.REFUNDING),
  REFUNDED(OrderState.REFUNDED);

  private final OrderState state;

  ProgressNode(OrderState state) {
    this.state = state;
  }

  /** The state whose first arrival marks this node as reached. */
  public OrderState state() {
    return state;
  }

  public static ProgressNode of(OrderState state) {
    return valueOf(state.name());
  }
}
