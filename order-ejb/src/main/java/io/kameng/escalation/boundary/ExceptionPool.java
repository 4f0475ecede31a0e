package io.kameng.escalation.boundary;

import io.kameng.escalation.control.Compensation;
import io.kameng.escalation.entity.CompensationVoucher;
import io.kameng.escalation.entity.PoolException;
import io.kameng.identity.entity.Role;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderCleared;
import io.kameng.order.entity.OrderNotFoundException;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The exception pool: late orders a person at the platform owns, with their history and stuck
 * reason. An admin claims one (by number, or the longest waiting with {@code FOR UPDATE SKIP
 * LOCKED}), then re-dispatches it, refunds it, or holds it with a reason and a deadline (never
 * open-ended: at most the hold limit ahead); the automatic refund waits for the hold's deadline.
 * Only the admin who claimed an order acts on it; every action is on the order's timeline.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class ExceptionPool {

  /** The most orders a page shows. */
  public static final int PAGE = 200;

  @Inject OrderBook orders;
  @Inject RefundRequests refunds;
  @Inject Compensation compensation;
  @Inject PlatformClock clock;
  @Inject Event<OrderCleared> cleared;
  @Resource SessionContext caller;

  /** An order in the pool with what a person needs to decide. */
  public record PoolEntry(Order order, Optional<CompensationVoucher> voucher) {}

  /** The orders in the pool, longest waiting first, with their timelines. */
  public List<PoolEntry> orders() {
    return orders.inExceptionPool(PAGE).stream().map(this::entry).toList();
  }

  /** Claims the order for the caller (refused when it is not in the pool or another has it). */
  public PoolEntry claim(@NotNull String orderNo) {
    Order order = locked(orderNo);
    order.claimFromExceptionPool(clock.now(), me());
    return entry(order);
  }

  /** Claims the longest waiting order nobody has claimed; empty when there is none. */
  public Optional<PoolEntry> claimNext() {
    return orders
        .claimNextInExceptionPool()
        .map(
            order -> {
              order.claimFromExceptionPool(clock.now(), me());
              return entry(order);
            });
  }

  /**
   * Sends the claimed order to be delivered again by its product's channel (right after this
   * commits); a hold stays.
   */
  public void redispatch(@NotNull String orderNo) {
    Order order = locked(orderNo);
    Instant now = clock.now();
    order.redispatch(now, me(), now.plus(OrderSettings.VERIFICATION_TIME));
    cleared.fire(new OrderCleared(order.id()));
  }

  /** Refunds the claimed order in full, with the reason. */
  public void refund(@NotNull String orderNo, String reason) {
    String why = required(reason, "pool.reasonRequired");
    Order order = locked(orderNo);
    order.requireHandler(me());
    refunds.refundWhole(order, me(), why, RefundReason.STAFF_REFUND, clock.now());
  }

  /**
   * Holds the claimed order until {@code until} with the reason: no automatic refund before. The
   * deadline must be in the future and at most the hold limit (platform setting, 72 h) ahead.
   */
  public void hold(@NotNull String orderNo, String reason, Instant until) {
    String why = required(reason, "pool.reasonRequired");
    Instant now = clock.now();
    if (until == null || !until.isAfter(now)) {
      throw new PoolException("pool.holdNotFuture", "A hold ends in the future, not " + until);
    }
    Duration most = Duration.ofHours(LiveSettings.count(Setting.HOLD_MAX_HOURS));
    if (until.isAfter(now.plus(most))) {
      throw new PoolException("pool.holdTooLong", "A hold ends within " + most + ", not " + until);
    }
    Order order = locked(orderNo);
    order.hold(now, me(), why, until);
  }

  private PoolEntry entry(Order order) {
    order.timeline().size();
    return new PoolEntry(order, compensation.of(order.id()));
  }

  private Order locked(String orderNo) {
    return orders
        .byNumber(orderNo)
        .map(order -> orders.lock(order.id()))
        .orElseThrow(() -> new OrderNotFoundException(orderNo));
  }

  private static String required(String text, String code) {
    if (text == null || text.isBlank()) {
      throw new PoolException(code, "A reason is required");
    }
    String stripped = text.strip();
    if (stripped.length() > 500) {
      throw new PoolException("pool.reasonTooLong", "A reason has at most 500 characters");
    }
    return stripped;
  }

  private String me() {
    return caller.getCallerPrincipal().getName();
  }
}
