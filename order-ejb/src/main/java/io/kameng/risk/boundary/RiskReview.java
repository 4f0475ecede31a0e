package io.kameng.risk.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderCleared;
import io.kameng.order.entity.OrderNotFoundException;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.risk.entity.RiskDecision;
import io.kameng.risk.entity.RiskException;
import io.kameng.risk.entity.RiskOutcome;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The review queue: orders a risk rule parked. Reviewers (and admins) claim an order — by number,
 * or the most urgent with {@code FOR UPDATE SKIP LOCKED} — and approve it (it is delivered right
 * after) or reject it with a reason (it is refunded). A second-level review (the first was not done
 * in time) is for senior reviewers: admins. An order that also went to the exception pool is
 * decided there by the admin who claimed it.
 */
@Stateless
@RolesAllowed({Role.Names.REVIEWER, Role.Names.ADMIN})
public class RiskReview {

  public static final int PAGE = 200;

  @PersistenceContext EntityManager em;
  @Inject OrderBook orders;
  @Inject RefundRequests refunds;
  @Inject PlatformClock clock;
  @Inject Event<OrderCleared> cleared;
  @Resource SessionContext caller;

  /** An order under review with the rules that parked it. */
  public record ReviewEntry(Order order, Optional<RiskDecision> decision) {}

  /** The queue, the most urgent first. */
  public List<ReviewEntry> queue() {
    return orders.inReview(PAGE).stream().map(this::entry).toList();
  }

  /** Claims the order for the caller. */
  public ReviewEntry claim(@NotNull String orderNo) {
    Order order = locked(orderNo);
    requireLevel(order);
    order.claimForReview(clock.now(), me());
    return entry(order);
  }

  /** Claims the most urgent order nobody claimed (reviewers: first-level ones only). */
  public Optional<ReviewEntry> claimNext() {
    return orders
        .claimNextReview(senior())
        .map(
            order -> {
              order.claimForReview(clock.now(), me());
              return entry(order);
            });
  }

  /** The caller approves the order it claimed: it goes on to delivery. */
  public void approve(@NotNull String orderNo, String note) {
    Order order = locked(orderNo);
    Instant now = clock.now();
    String why = note == null || note.isBlank() ? null : trimmed(note);
    order.approveReview(now, me(), why, now.plus(OrderSettings.VERIFICATION_TIME));
    decisionOf(order).ifPresent(d -> d.reviewed(me(), RiskOutcome.PASS, why, now));
    cleared.fire(new OrderCleared(order.id()));
  }

  /** The caller rejects the order it claimed, with the reason: it is refunded. */
  public void reject(@NotNull String orderNo, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new RiskException("review.reasonRequired", "A rejection needs a reason");
    }
    String why = trimmed(reason);
    Order order = locked(orderNo);
    order.requireReviewer(me());
    Instant now = clock.now();
    decisionOf(order).ifPresent(d -> d.reviewed(me(), RiskOutcome.BLOCK, why, now));
    refunds.refundWhole(
        order, me(), "rejected in review: " + why, RefundReason.REVIEW_REJECTED, now);
  }

  private void requireLevel(Order order) {
    if (order.reviewLevel().orElse(1) > 1 && !senior()) {
      throw new RiskException(
          "review.seniorOnly", "Order " + order.orderNo() + " waits for a senior reviewer");
    }
  }

  private boolean senior() {
    return caller.isCallerInRole(Role.Names.ADMIN);
  }

  private Optional<RiskDecision> decisionOf(Order order) {
    return Optional.ofNullable(em.find(RiskDecision.class, order.id()));
  }

  private ReviewEntry entry(Order order) {
    order.timeline().size();
    return new ReviewEntry(order, decisionOf(order));
  }

  private Order locked(String orderNo) {
    return orders
        .byNumber(orderNo)
        .map(order -> orders.lock(order.id()))
        .orElseThrow(() -> new OrderNotFoundException(orderNo));
  }

  private static String trimmed(String text) {
    String stripped = text.strip();
    if (stripped.length() > 500) {
      throw new RiskException("review.reasonTooLong", "A reason has at most 500 characters");
    }
    return stripped;
  }

  private String me() {
    return caller.getCallerPrincipal().getName();
  }
}
