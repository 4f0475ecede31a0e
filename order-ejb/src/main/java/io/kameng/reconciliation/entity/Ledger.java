package io.kameng.reconciliation.entity;

import java.math.BigDecimal;

/**
 * The platform-wide check of the money: everything received is either fulfilled (completed orders),
 * going or gone back (refunds not refused), or held by orders still open; what is left over is
 * money held by orders that neither delivered nor gave it back (cancelled or refunded orders with
 * money kept), which must be zero.
 */
public record Ledger(
    BigDecimal received,
    BigDecimal refunded,
    BigDecimal fulfilled,
    BigDecimal open,
    BigDecimal unaccounted) {

  /** Whether received = fulfilled + refunded + open, with nothing held by a closed order. */
  public boolean balanced() {
    return unaccounted.signum() == 0
        && received.compareTo(fulfilled.add(refunded).add(open).add(unaccounted)) == 0;
  }
}
