package io.kameng.supply.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.supply.control.SupplierBook;
import io.kameng.supply.control.SupplierGateway;
import io.kameng.supply.control.Suppliers;
import io.kameng.supply.control.SupplyOutcomes;
import io.kameng.supply.entity.RechargeResult;
import io.kameng.supply.entity.SupplierOrder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Recharges whose result has not come are asked about at the supplier 1, 5 and 15 minutes after
 * they were sent, then hourly; a result found applies like a callback. Due recharges are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, one batch per transaction.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class SupplierQueries {

  private static final Logger LOG = Logger.getLogger(SupplierQueries.class.getName());

  public static final int BATCH = 20;

  static final Duration RETRY = Duration.ofSeconds(30);

  @Inject SupplierBook book;
  @Inject Suppliers suppliers;
  @Inject SupplyOutcomes outcomes;
  @Inject PlatformClock clock;

  /** Queries one batch of due recharges; answers how many were due. */
  public int queryDue() {
    Instant now = clock.now();
    List<SupplierOrder> due = book.claimDueQueries(now, BATCH);
    for (SupplierOrder recharge : due) {
      Optional<SupplierGateway> supplier = suppliers.byProvider(recharge.provider());
      if (supplier.isEmpty()) {
        recharge.queryFailed(now.plus(Duration.ofHours(1)));
        continue;
      }
      try {
        Optional<RechargeResult> result = supplier.get().query(recharge.requestId());
        if (result.isPresent()) {
          outcomes.apply(result.get(), now);
        } else {
          recharge.queried(now);
        }
      } catch (Exception e) {
        Thread.interrupted();
        LOG.warning(() -> "Could not query " + recharge.requestId() + ": " + e);
        recharge.queryFailed(now.plus(RETRY));
      }
    }
    return due.size();
  }
}
