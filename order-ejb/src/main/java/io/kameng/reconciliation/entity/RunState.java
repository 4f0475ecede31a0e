package io.kameng.reconciliation.entity;

/** Where one day's reconciliation with one partner stands. */
public enum RunState {
  /** The partner's statement is not ready yet; asked again at {@code next_try_at}. */
  WAITING,
  /** A job is working on it. */
  RUNNING,
  /** Done: every difference found is listed. */
  COMPLETED,
  /** Stopped with a reason (a refused file, a crash); may be started again. */
  FAILED,
  /** The statement never came before the day's deadline: admins are warned. */
  STATEMENT_MISSING;

  /** Whether a new run of the day may start now. */
  public boolean mayStart(boolean rerun) {
    return switch (this) {
      case RUNNING -> false;
      case COMPLETED -> rerun;
      default -> true;
    };
  }
}
