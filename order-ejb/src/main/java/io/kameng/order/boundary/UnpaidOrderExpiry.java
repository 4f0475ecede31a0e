package io.kameng.order.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.order.control.OrderBook;
import io.kameng.order.entity.Order;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Cancels unpaid orders whose payment deadline has passed. The deadline is stored with the order,
 * so a scan after a restart catches up on everything that fell due while the server was down; rows
 * are claimed with {@code FOR UPDATE SKIP LOCKED}, so two servers scanning at once never expire an
 * order twice. One batch per transaction.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class UnpaidOrderExpiry {

  private static final Logger LOG = Logger.getLogger(UnpaidOrderExpiry.class.getName());

  /** Orders expired per transaction. */
  public static final int BATCH = 100;

  @Inject OrderBook book;
  @Inject PlatformClock clock;

  /** Expires one batch of due orders; answers how many. */
  public int expireDue() {
    Instant now = clock.now();
    List<Order> due = book.claimDueUnpaid(now, BATCH);
    for (Order order : due) {
      order.expireUnpaid(now);
    }
    if (!due.isEmpty()) {
      LOG.info(() -> "Expired " + due.size() + " unpaid orders");
    }
    return due.size();
  }

  /** Forgets request keys that expired a day ago or more; answers how many. */
  public int forgetOldRequestKeys() {
    return book.forgetKeys(clock.now().minus(java.time.Duration.ofDays(1)), 1000);
  }
}
