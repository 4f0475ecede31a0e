package io.kameng.merchants.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.merchants.control.MerchantRoster;
import io.kameng.merchants.control.MerchantSettings;
import io.kameng.merchants.entity.HeldOrder;
import io.kameng.merchants.entity.Merchant;
import io.kameng.merchants.entity.MerchantDelivery;
import io.kameng.merchants.entity.MerchantException;
import io.kameng.merchants.entity.MerchantStatus;
import io.kameng.merchants.entity.MerchantStrike;
import io.kameng.merchants.entity.PoolOrder;
import io.kameng.merchants.entity.StrikeKind;
import io.kameng.order.control.OrderBook;
import io.kameng.order.entity.MerchantStep;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderEventType;
import io.kameng.order.entity.OrderState;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a signed-in merchant does with orders: go online or offline, look at the grab pool, claim,
 * accept, deliver, send back, or ask the buyer to correct their input. The merchant is always the
 * caller: every action on an order first checks that the caller holds it (an order it does not
 * hold, or one that does not exist, is the same {@code order.notYours}), so a merchant never sees
 * or touches another merchant's orders, whatever it sends. Each action is on the order's timeline.
 */
@Stateless
@RolesAllowed(Role.Names.MERCHANT)
public class MerchantDesk {

  /** How many grab-pool orders a merchant is shown at once. */
  public static final int POOL_SHOWN = 100;

  /** How far back the strikes a merchant sees go. */
  public static final Duration RECENT = Duration.ofDays(30);

  @Resource SessionContext caller;
  @Inject MerchantRoster roster;
  @Inject OrderBook orders;
  @Inject PlatformClock clock;
  @PersistenceContext EntityManager em;

  /** Where the caller stands (online, standing, limit, orders in hand, recent strikes). */
  public MerchantStatus status() {
    String me = me();
    Merchant merchant = roster.lock(me, clock.now());
    return new MerchantStatus(
        me,
        merchant.isOnline(),
        merchant.standing(),
        merchant.orderLimit(),
        orders.countHeldBy(me),
        roster.strikesOf(me, clock.now().minus(RECENT)).size());
  }

  /** The caller takes orders from now on: assignments come to it, it may claim from the pool. */
  public MerchantStatus goOnline() {
    roster.lock(me(), clock.now()).goOnline(clock.now());
    return status();
  }

  /**
   * The caller stops taking orders. Orders it holds but has not accepted go back to the grab pool
   * and count against it; accepted ones stay its own to deliver.
   */
  public MerchantStatus goOffline() {
    String me = me();
    Instant now = clock.now();
    roster.lock(me, now).goOffline(now);
    for (long held : orders.idsHeldBy(me)) {
      // A held order the deadline scan has claimed right now is released by that scan.
      orders
          .claimOne(held, OrderState.FULFILLING)
          .filter(order -> order.isHeldBy(me))
          .filter(order -> order.merchantStep().orElseThrow() != MerchantStep.ACCEPTED)
          .ifPresent(
              order -> {
                order.releaseToPool(
                    now,
                    OrderEvent.merchant(me),
                    OrderEventType.MERCHANT_WENT_OFFLINE,
                    null,
                    now.plus(MerchantSettings.poolTime()));
                roster.strike(me, order.id(), StrikeKind.WENT_OFFLINE, null, now);
              });
    }
    return status();
  }

  /** The grab pool's orders the caller may claim, the most urgent first (no buyer input yet). */
  public List<PoolOrder> pool() {
    String me = me();
    return orders.inPool(POOL_SHOWN).stream()
        .filter(order -> !roster.rejectedBefore(me, order.id()))
        .map(PoolOrder::of)
        .toList();
  }

  /** The orders the caller holds, the most urgent first. */
  public List<HeldOrder> myOrders() {
    return orders.heldBy(me()).stream().map(HeldOrder::of).toList();
  }

  /** The strikes against the caller in the last 30 days, newest first. */
  public List<MerchantStrike> myStrikes() {
    return roster.strikesOf(me(), clock.now().minus(RECENT));
  }

  /**
   * Claims this order from the grab pool: refused when the caller is offline, restricted or
   * suspended, at its limit, sent it back before, or the order is no longer in the pool (another
   * merchant was faster).
   */
  public HeldOrder claim(String orderNo) {
    String me = me();
    Instant now = clock.now();
    mayClaim(me, now);
    long id = orders.idOf(orderNo == null ? "" : orderNo.trim()).orElseThrow(MerchantDesk::gone);
    if (roster.rejectedBefore(me, id)) {
      throw new MerchantException("order.rejectedByYou", "You sent this order back before.");
    }
    Order order = orders.claimFromPool(id).orElseThrow(MerchantDesk::gone);
    order.claimFromPool(now, me, now.plus(MerchantSettings.acceptTime()));
    return HeldOrder.of(order);
  }

  /**
   * Claims the most urgent order of the grab pool the caller may have; empty when there is none.
   */
  public Optional<HeldOrder> claimNext() {
    String me = me();
    Instant now = clock.now();
    mayClaim(me, now);
    for (long candidate : orders.poolIds(POOL_SHOWN)) {
      if (roster.rejectedBefore(me, candidate)) {
        continue;
      }
      Optional<Order> claimed = orders.claimFromPool(candidate);
      if (claimed.isPresent()) {
        claimed.get().claimFromPool(now, me, now.plus(MerchantSettings.acceptTime()));
        return claimed.map(HeldOrder::of);
      }
    }
    return Optional.empty();
  }

  /** Commits to deliver an order the caller was assigned or claimed, by the fulfil deadline. */
  public HeldOrder accept(String orderNo) {
    String me = me();
    Order order = held(orderNo, me);
    Instant now = clock.now();
    order.acceptByMerchant(now, me, now.plus(MerchantSettings.fulfilTime()));
    return HeldOrder.of(order);
  }

  /**
   * Delivers an accepted order: {@code note} is what its buyer reads (a receipt, a code, what was
   * done); the order is completed.
   */
  public void fulfil(String orderNo, String note) {
    String me = me();
    String text = text(note, MerchantDelivery.NOTE_MAX, "merchant.noteRequired");
    Order order = held(orderNo, me);
    Instant now = clock.now();
    order.deliveredByMerchant(now, me);
    em.persist(new MerchantDelivery(order.id(), me, text, now));
  }

  /**
   * Sends an order the caller holds back to the grab pool, with a reason; it counts against the
   * caller, and the order is not offered to the caller again.
   */
  public void reject(String orderNo, String reason) {
    String me = me();
    String why = text(reason, OrderEvent.REASON_MAX, "merchant.reasonRequired");
    Order order = held(orderNo, me);
    Instant now = clock.now();
    order.releaseToPool(
        now,
        OrderEvent.merchant(me),
        OrderEventType.MERCHANT_REJECTED,
        why,
        now.plus(MerchantSettings.poolTime()));
    roster.strike(me, order.id(), StrikeKind.REJECTED, why, now);
  }

  /**
   * The buyer's input is wrong (no such account, wrong server): the order waits for the buyer to
   * correct it, who reads {@code problem}; once corrected it is dispatched again. Not a strike.
   */
  public void reportBuyerInput(String orderNo, String problem) {
    String me = me();
    String what = text(problem, OrderEvent.REASON_MAX, "merchant.problemRequired");
    Order order = held(orderNo, me);
    Instant now = clock.now();
    order.askBuyerToCorrect(
        now, OrderEvent.merchant(me), what, now.plus(MerchantSettings.buyerInputTime()));
  }

  /**
   * Refuses a claim the caller may not make. The first statement of a claim's transaction: the
   * merchant's row is locked before anything is read, so the count of its orders in hand sees all
   * its earlier claims (they held the lock until they committed).
   */
  private void mayClaim(String me, Instant now) {
    Merchant merchant = roster.lock(me, now);
    if (!merchant.isOnline()) {
      throw new MerchantException("merchant.offline", "Go online to claim orders.");
    }
    if (!merchant.standing().mayClaim()) {
      throw new MerchantException(
          "merchant.mayNotClaim", "A " + merchant.standing() + " merchant cannot claim orders.");
    }
    if (orders.countHeldBy(me) >= merchant.orderLimit()) {
      throw new MerchantException(
          "merchant.limitReached",
          "You hold " + merchant.orderLimit() + " orders, your limit; deliver one first.");
    }
  }

  /** The order, locked, if the caller holds it; else the same refusal whether it exists or not. */
  private Order held(String orderNo, String me) {
    return orders
        .idOf(orderNo == null ? "" : orderNo.trim())
        .map(orders::lock)
        .filter(order -> order.isHeldBy(me))
        .orElseThrow(MerchantDesk::notYours);
  }

  private static String text(String value, int max, String requiredCode) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      throw new MerchantException(requiredCode, "A text is required.");
    }
    if (trimmed.length() > max) {
      throw new MerchantException("merchant.textTooLong", "At most " + max + " characters.");
    }
    return trimmed;
  }

  private static MerchantException notYours() {
    return new MerchantException("order.notYours", "You do not hold this order.");
  }

  private static MerchantException gone() {
    return new MerchantException(
        "order.notInPool", "The order is no longer in the grab pool (another merchant took it).");
  }

  private String me() {
    return caller.getCallerPrincipal().getName();
  }
}
