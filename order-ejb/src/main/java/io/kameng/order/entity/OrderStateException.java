package io.kameng.order.entity;

import io.kameng.platform.entity.BusinessException;

/**
 * An action the order's current state does not allow (cancel a paid order, correct the input of one
 * being delivered). Nothing was changed. The code is the message key ({@code error.<code>}).
 */
public class OrderStateException extends BusinessException {

  private static final long serialVersionUID = 1L;

  private final OrderState state;

  public OrderStateException(String code, OrderState state, String message) {
    super(code, message);
    this.state = state;
  }

  public OrderState state() {
    return state;
  }
}
