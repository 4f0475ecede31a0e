package io.kameng.order.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order stands. Each state knows the states it may move to; anything else is refused.
 *
 * <pre>
 * SUBMITTED ──pay──▶ PAID ──checks──▶ VERIFYING ──ok──▶ FULFILLING ──▶ COMPLETED
 *     │                                  │  └─risk─▶ IN_REVIEW ─approve─▶ VERIFYING
 *     │                                  └─bad input─▶ AWAITING_BUYER ─fixed─▶ VERIFYING
 *     │                          FULFILLING ─bad input (merchant, supplier)─┘
 *     └─unpaid expiry / buyer cancel─▶ CANCELLED ─late payment (12 h)─▶ PAID
 *  any paid state ──cannot fulfil / ladder end / dispute ruling──▶ REFUNDING ──▶ REFUNDED
 * </pre>
 *
 * <p>A partial fulfilment ends in {@link #COMPLETED} with the undelivered part refunded; that is a
 * fact about the order's money, not a state of its own.
 */
public enum OrderState {
  /** Placed, waiting for the buyer's payment. */
  SUBMITTED,
  /** Paid; the checks have not started yet. */
  PAID,
  /** The platform checks the order: input, risk rules, stock and channel. */
  VERIFYING,
  /** A risk rule parked it for a human reviewer. */
  IN_REVIEW,
  /** The buyer must correct their input (for example a wrong game account). */
  AWAITING_BUYER,
  /** Being delivered: card key issued, supplier recharging, or a merchant at work. */
  FULFILLING,
  /** Delivered. */
  COMPLETED,
  /** Unpaid and expired, or cancelled by the buyer before paying. */
  CANCELLED,
  /** Money on its way back to the buyer. */
  REFUNDING,
  /** Money back with the buyer. */
  REFUNDED;

  private static final Map<OrderState, Set<OrderState>> NEXT = new EnumMap<>(OrderState.class);

  static {
    allow(SUBMITTED, PAID, CANCELLED);
    allow(PAID, VERIFYING, REFUNDING);
    allow(VERIFYING, FULFILLING, IN_REVIEW, AWAITING_BUYER, REFUNDING);
    allow(IN_REVIEW, VERIFYING, FULFILLING, REFUNDING);
    allow(AWAITING_BUYER, VERIFYING, REFUNDING);
    // A person at the platform re-dispatches a late order from the exception pool.
    allow(FULFILLING, COMPLETED, AWAITING_BUYER, VERIFYING, REFUNDING);
    // A dispute ruled for the buyer after delivery.
    allow(COMPLETED, REFUNDING);
    // A payment that arrives within 12 hours of the unpaid expiry is still honoured.
    allow(CANCELLED, PAID);
    allow(REFUNDING, REFUNDED);
    allow(REFUNDED);
  }

  private static void allow(OrderState from, OrderState... to) {
    NEXT.put(
        from,
        Collections.unmodifiableSet(
            to.length == 0 ? EnumSet.noneOf(OrderState.class) : EnumSet.of(to[0], to)));
  }

  /** The states this one may move to. */
  public Set<OrderState> next() {
    return NEXT.get(this);
  }

  public boolean mayMoveTo(OrderState target) {
    return next().contains(target);
  }

  /** Whether the buyer has paid for the order in this state (so money may have to go back). */
  public boolean isPaid() {
    return this != SUBMITTED && this != CANCELLED;
  }

  /**
   * Whether the order is settled for now: no owner, no deadline. A completed order can still be
   * disputed and a cancelled one still paid late, but nobody has to act on them.
   */
  public boolean isFinal() {
    return this == COMPLETED || this == CANCELLED || this == REFUNDED;
  }
}
