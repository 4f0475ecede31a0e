package io.kameng.payment.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.order.control.OrderBook;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderState;
import io.kameng.payment.control.PaymentBook;
import io.kameng.payment.control.PaymentGateway;
import io.kameng.payment.control.PaymentGateways;
import io.kameng.payment.control.PaymentSettlement;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.TradeStatus;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The second channel: attempts whose notice has not come are asked about at the gateway 1, 5, 15
 * and 60 minutes after the buyer was sent to pay. A "paid" answer pays the order like a notice;
 * only the gateway's explicit "closed" ends an attempt — "not found" never does, and the order's
 * own unpaid expiry decides the rest. While the gateway cannot be asked, the unpaid order says so
 * to its buyer (stuck reason {@code PAYMENT_SYNC}) until it answers again. Due attempts are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so several servers share the work and none asks twice; one
 * batch per transaction.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class PaymentQueries {

  private static final Logger LOG = Logger.getLogger(PaymentQueries.class.getName());

  /**
   * When attempts are queried, counted from their creation (platform setting payment-query-minutes:
   * 1, 5, 15, 60 minutes).
   */
  public static List<Duration> schedule() {
    return io.kameng.platform.control.LiveSettings.numbers(
            io.kameng.platform.entity.Setting.PAYMENT_QUERY_MINUTES)
        .stream()
        .map(Duration::ofMinutes)
        .toList();
  }

  /** Attempts queried per transaction (each a call to the gateway). */
  public static final int BATCH = 20;

  /** How soon a query the gateway did not answer is tried again. */
  static final Duration RETRY = Duration.ofSeconds(30);

  @Inject PaymentBook payments;
  @Inject OrderBook orders;
  @Inject PaymentGateways gateways;
  @Inject PaymentSettlement settlement;
  @Inject PlatformClock clock;

  /** Queries one batch of due attempts; answers how many were due. */
  public int queryDue() {
    Instant now = clock.now();
    List<PaymentAttempt> due = payments.claimDueQueries(now, BATCH);
    for (PaymentAttempt attempt : due) {
      Optional<PaymentGateway> gateway = gateways.byProvider(attempt.provider());
      if (gateway.isEmpty()) {
        attempt.queryFailed(now.plus(Duration.ofHours(1)));
        continue;
      }
      try {
        TradeStatus status = gateway.get().query(attempt.reference());
        switch (status.state()) {
          case PAID -> {
            var outcome = settlement.settle(status.paid().orElseThrow(), now);
            LOG.info(() -> "Query found " + attempt.reference() + " paid: " + outcome);
          }
          case CLOSED -> attempt.closedAtGateway();
          case WAITING, NOT_FOUND -> attempt.queried(schedule());
        }
        if (status.state() != TradeStatus.State.PAID) {
          // Unlocked: it changes only an order told it was late, and its version guards that.
          Order order = orders.byId(attempt.orderId()).orElseThrow();
          order.paymentConfirmationResumed(
              now, attempt.nextQueryAt().orElse(order.paymentDeadline()));
        }
      } catch (Exception e) {
        // Also what fault tolerance throws when it gave up (its timeout interrupts the call).
        Thread.interrupted();
        LOG.warning(() -> "Could not query " + attempt.reference() + ": " + e);
        attempt.queryFailed(now.plus(RETRY));
        Order order = orders.lock(attempt.orderId());
        if (order.state() == OrderState.SUBMITTED) {
          order.paymentUnconfirmed(now, now.plus(RETRY));
        }
      }
    }
    return due.size();
  }
}
