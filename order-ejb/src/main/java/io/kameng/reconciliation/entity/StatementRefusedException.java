package io.kameng.reconciliation.entity;

import io.kameng.platform.entity.BusinessException;

/**
 * A statement file that cannot be trusted (truncated, totals that do not match its rows, not the
 * expected format or encoding): it is refused whole, never reconciled in part.
 */
public class StatementRefusedException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public StatementRefusedException(String message) {
    super("reconciliation.statementRefused", message);
  }
}
