package io.kameng.order.entity;

/**
 * The steps of the escalation ladder a paid order climbs while it is not settled, counted from its
 * payment (or from the buyer's correction, when the ladder waited for the buyer).
 */
public enum LadderStep {
  /** The buyer is told the order is late, why, and the new expected time. */
  DELAY_NOTICE,
  /**
   * A person at the platform owns the order; a delay the platform or a merchant caused is
   * compensated.
   */
  EXCEPTION_POOL,
  /** Refunded automatically, unless a person holds it (then at the hold's deadline). */
  AUTO_REFUND
}
