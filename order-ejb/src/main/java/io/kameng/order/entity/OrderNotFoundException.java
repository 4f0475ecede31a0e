package io.kameng.order.entity;

import io.kameng.platform.entity.BusinessException;

/**
 * No order with this number, or not with this access token: the two are deliberately the same
 * answer, so a wrong token does not tell that the order exists.
 */
public class OrderNotFoundException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public OrderNotFoundException(String orderNo) {
    super("order.notFound", "No order " + orderNo + " with this access token");
  }
}
