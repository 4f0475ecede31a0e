package io.kameng.storefront.order;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;

/**
 * Runs a boundary call again when its transaction lost a race (a deadlock between two requests with
 * one key, an order changed by the expiry scan meanwhile). The boundary rolled everything back, so
 * trying again is safe; after three losses the last failure stands.
 */
public final class RetryOnConflict {

  private static final int ATTEMPTS = 3;

  private RetryOnConflict() {}

  public static <T> T call(Supplier<T> action) {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !isLostRace(e)) {
          throw e;
        }
      }
    }
  }

  /** Whether the failure is a transaction that lost a race rather than a fault. */
  public static boolean isLostRace(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException
          || cause instanceof PessimisticLockException
          || cause instanceof LockTimeoutException
          || cause instanceof SQLTransactionRollbackException
          // EclipseLink's own, when the conflict shows at commit rather than at a flush
          || cause.getClass().getSimpleName().equals("OptimisticLockException")
          || (cause instanceof SQLException sql && "40001".equals(sql.getSQLState()))
          // two new orders drew the same random number
          || String.valueOf(cause.getMessage()).contains("uq_customer_order_no")
          || (String.valueOf(cause.getMessage()).contains("Duplicate entry")
              && String.valueOf(cause.getMessage()).contains("PRIMARY"))) {
        return true;
      }
    }
    return false;
  }
}
