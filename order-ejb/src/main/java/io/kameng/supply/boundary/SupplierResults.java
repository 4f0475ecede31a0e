package io.kameng.supply.boundary;

import io.kameng.platform.boundary.PlatformClock;
import io.kameng.supply.control.Suppliers;
import io.kameng.supply.control.SupplyOutcomes;
import io.kameng.supply.entity.RechargeResult;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes a supplier's result callback: only a verified one (signature, a known recharge) changes
 * anything, and only once; a forged one is refused and logged.
 */
@Stateless
@PermitAll
public class SupplierResults {

  private static final Logger LOG = Logger.getLogger(SupplierResults.class.getName());

  @Inject Suppliers suppliers;
  @Inject SupplyOutcomes outcomes;
  @Inject PlatformClock clock;

  /** Answers whether the callback was taken (the supplier stops repeating it). */
  public boolean accept(@NotNull String provider, @NotNull Map<String, String> parameters) {
    Optional<RechargeResult> verified =
        suppliers.byProvider(provider).flatMap(supplier -> supplier.verify(parameters));
    if (verified.isEmpty()) {
      LOG.warning(() -> "Rejected a " + provider + " recharge result: signature or fields");
      return false;
    }
    SupplyOutcomes.Outcome outcome = outcomes.apply(verified.get(), clock.now());
    LOG.fine(() -> "Result of " + verified.get().requestId() + ": " + outcome);
    return outcome != SupplyOutcomes.Outcome.UNKNOWN_RECHARGE;
  }
}
