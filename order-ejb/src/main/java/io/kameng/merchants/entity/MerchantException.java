package io.kameng.merchants.entity;

import io.kameng.platform.entity.BusinessException;

/**
 * A merchant action refused (offline, not allowed to claim, at its limit, an order that is not its
 * own or no longer in the pool, a missing text): nothing changed. The code is the message key
 * ({@code error.<code>}).
 */
public class MerchantException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public MerchantException(String code, String message) {
    super(code, message);
  }
}
