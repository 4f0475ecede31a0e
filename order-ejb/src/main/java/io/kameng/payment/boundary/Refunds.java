package io.kameng.payment.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.order.control.OrderBook;
import io.kameng.payment.control.PaymentBook;
import io.kameng.payment.control.PaymentGateway;
import io.kameng.payment.control.PaymentGateways;
import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.Refund;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Asks the gateway for the refunds that are due, one batch per transaction, claimed with {@code FOR
 * UPDATE SKIP LOCKED} so no two servers ask for one refund at once. A confirmed refund is on the
 * order's timeline; a lost answer or an unreachable gateway means the same request number is asked
 * again later (the gateway never refunds one number twice); a refusal is left for an admin.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class Refunds {

  private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

  public static final int BATCH = 20;

  @Inject PaymentBook payments;
  @Inject PaymentGateways gateways;
  @Inject OrderBook orders;
  @Inject PlatformClock clock;

  /** Tries one batch of due refunds; answers how many were due. */
  public int processDue() {
    Instant now = clock.now();
    List<Refund> due = payments.claimDueRefunds(now, BATCH);
    for (Refund refund : due) {
      PaymentAttempt attempt = payments.attempt(refund.attemptId()).orElseThrow();
      try {
        PaymentGateway gateway =
            gateways
                .byProvider(attempt.provider())
                .orElseThrow(() -> new IllegalStateException("No gateway " + attempt.provider()));
        PaymentGateway.RefundAnswer answer =
            gateway.refund(attempt.reference(), refund.requestNo(), refund.amount());
        if (answer.refunded()) {
          refund.succeeded(now);
          orders.lock(refund.orderId()).paymentRefunded(now, refund.amount().toPlainString());
        } else {
          refund.refused(answer.refusal().orElseThrow(), now);
          LOG.warning(
              () -> "Refund " + refund.requestNo() + " refused: " + answer.refusal().orElseThrow());
        }
      } catch (Exception e) {
        // Also what fault tolerance throws when it gave up (its timeout interrupts the call).
        Thread.interrupted();
        refund.retryLater(String.valueOf(e), now);
        LOG.warning(
            () -> "Refund " + refund.requestNo() + " not confirmed, asked again later: " + e);
      }
    }
    return due.size();
  }
}
