package io.kameng.payment.control;

import io.kameng.platform.entity.BusinessException;

/** The payment provider could not be reached or refused to create the payment: try again later. */
public class GatewayUnavailableException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public GatewayUnavailableException(String message, Throwable cause) {
    super("payment.gatewayUnavailable", message);
    initCause(cause);
  }
}
