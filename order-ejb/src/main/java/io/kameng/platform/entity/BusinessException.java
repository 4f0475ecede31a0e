package io.kameng.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * Root of Kameng's business exceptions: a rule said no. Thrown out of a boundary it rolls the
 * transaction back, so nothing the refused action wrote is kept. The code is a stable key into the
 * message bundles ({@code error.<code>}), so every user sees the reason in their language.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  public BusinessException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
