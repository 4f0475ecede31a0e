package io.kameng.escalation.entity;

import io.kameng.platform.entity.BusinessException;

/** A person's action in the exception pool was refused (code {@code pool.*}). */
public class PoolException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public PoolException(String code, String message) {
    super(code, message);
  }
}
