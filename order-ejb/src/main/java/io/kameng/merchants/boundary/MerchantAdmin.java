package io.kameng.merchants.boundary;

import io.kameng.identity.control.AccountRegistry;
import io.kameng.identity.entity.Role;
import io.kameng.merchants.control.MerchantRoster;
import io.kameng.merchants.entity.Merchant;
import io.kameng.merchants.entity.MerchantException;
import io.kameng.merchants.entity.MerchantStanding;
import io.kameng.merchants.entity.MerchantStatus;
import io.kameng.merchants.entity.MerchantStrike;
import io.kameng.order.control.OrderBook;
import io.kameng.platform.boundary.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Admins' view of the merchants: each one's standing, limit, orders in hand and recent strikes; and
 * the decision on a merchant's standing and concurrent-order limit (logged with who made it).
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class MerchantAdmin {

  private static final Logger LOG = Logger.getLogger(MerchantAdmin.class.getName());

  @Inject MerchantRoster roster;
  @Inject AccountRegistry accounts;
  @Inject OrderBook orders;
  @Inject PlatformClock clock;
  @jakarta.annotation.Resource jakarta.ejb.SessionContext caller;

  /** Every merchant account, with its standing (defaults for one that never acted yet). */
  public List<MerchantStatus> merchants() {
    Instant now = clock.now();
    Map<String, Long> strikes = roster.strikeCounts(now.minus(MerchantDesk.RECENT));
    return accounts.withRole(Role.MERCHANT).stream()
        .map(
            username -> {
              var stored = roster.find(username);
              return new MerchantStatus(
                  username,
                  stored.map(Merchant::isOnline).orElse(false),
                  stored.map(Merchant::standing).orElse(MerchantStanding.ACTIVE),
                  stored.map(Merchant::orderLimit).orElse(Merchant.DEFAULT_ORDER_LIMIT),
                  orders.idsHeldBy(username).size(),
                  strikes.getOrDefault(username, 0L));
            })
        .toList();
  }

  /** The strikes against one merchant in the last 30 days, newest first. */
  public List<MerchantStrike> strikesOf(@NotNull String username) {
    return roster.strikesOf(username, clock.now().minus(MerchantDesk.RECENT));
  }

  /**
   * Sets a merchant's standing and concurrent-order limit (0 to 500). Orders it holds stay with it;
   * a restricted or suspended merchant just gets no new ones from the pool (or none at all).
   */
  public void changeStanding(
      @NotNull String username, @NotNull MerchantStanding standing, int orderLimit) {
    if (!accounts.withRole(Role.MERCHANT).contains(username)) {
      throw new MerchantException("merchant.unknown", "No merchant " + username);
    }
    Instant now = clock.now();
    roster.lock(username, now).changeStanding(standing, orderLimit, now);
    LOG.info(
        () ->
            caller.getCallerPrincipal().getName()
                + " set merchant "
                + username
                + " to "
                + standing
                + ", limit "
                + orderLimit);
  }
}
