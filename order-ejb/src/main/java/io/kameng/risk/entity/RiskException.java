package io.kameng.risk.entity;

import io.kameng.platform.entity.BusinessException;

/** A review or blacklist action was refused (code {@code review.*} or {@code blacklist.*}). */
public class RiskException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public RiskException(String code, String message) {
    super(code, message);
  }
}
