package io.kameng.reconciliation.entity;

import io.kameng.platform.entity.BusinessException;

/** A reconciliation action refused: a run of that day is going on, a difference is closed, … */
public class ReconciliationException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public ReconciliationException(String code, String message) {
    super(code, message);
  }
}
