package io.kameng.stock.entity;

import io.kameng.platform.entity.BusinessException;

/**
 * A card-key stock action refused as a whole (an unreadable file, too many rows, a product that
 * does not sell card keys): nothing was stored. The code is the message key ({@code error.<code>}).
 */
public class StockException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public StockException(String code, String message) {
    super(code, message);
  }
}
