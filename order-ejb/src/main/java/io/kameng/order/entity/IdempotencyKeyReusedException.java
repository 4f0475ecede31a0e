package io.kameng.order.entity;

import io.kameng.platform.entity.BusinessException;

/** An Idempotency-Key that already placed an order was sent again with a different request. */
public class IdempotencyKeyReusedException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException() {
    super("order.idempotencyKeyReused", "This Idempotency-Key was used for a different request");
  }
}
