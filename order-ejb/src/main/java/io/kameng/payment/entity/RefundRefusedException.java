package io.kameng.payment.entity;

import io.kameng.platform.entity.BusinessException;

/**
 * A refund that cannot be asked for: a wrong amount, more than the payment still holds, or no
 * payment to refund. Nothing was written. The code is the message key ({@code error.<code>}).
 */
public class RefundRefusedException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public RefundRefusedException(String code, String message) {
    super(code, message);
  }
}
