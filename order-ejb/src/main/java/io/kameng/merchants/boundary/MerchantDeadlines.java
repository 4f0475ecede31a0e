package io.kameng.merchants.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.merchants.control.MerchantRoster;
import io.kameng.merchants.control.MerchantSettings;
import io.kameng.merchants.entity.StrikeKind;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.MerchantStep;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderEventType;
import io.kameng.order.entity.StuckReason;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The merchant channel's deadlines, one batch per transaction: an order a merchant did not accept
 * or deliver in time goes back to the grab pool and counts against the merchant; an order nobody
 * claimed from the pool in time goes to the platform's exception pool (stuck reason {@code
 * MERCHANT}). Due orders are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of scans on
 * any number of servers apply each step once.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class MerchantDeadlines {

  public static final int BATCH = 100;

  @Inject OrderBook orders;
  @Inject MerchantRoster roster;
  @Inject PlatformClock clock;

  /** Applies the due steps of one batch; answers how many orders were due. */
  public int releaseDue() {
    Instant now = clock.now();
    var due = orders.claimDueAtMerchants(now, BATCH);
    for (Order order : due) {
      if (order.isInPool()) {
        order.handToPlatform(
            now,
            StuckReason.MERCHANT,
            "no merchant took the order in time",
            now.plus(OrderSettings.EXCEPTION_POOL_TIME));
        continue;
      }
      String merchant = order.merchant().orElseThrow();
      boolean accepted = order.merchantStep().orElseThrow() == MerchantStep.ACCEPTED;
      order.releaseToPool(
          now,
          OrderEvent.SYSTEM,
          OrderEventType.MERCHANT_TIMED_OUT,
          accepted ? "not delivered in time" : "not accepted in time",
          now.plus(MerchantSettings.poolTime()));
      roster.strike(
          merchant,
          order.id(),
          accepted ? StrikeKind.FULFIL_MISSED : StrikeKind.ACCEPT_MISSED,
          null,
          now);
    }
    return due.size();
  }
}
