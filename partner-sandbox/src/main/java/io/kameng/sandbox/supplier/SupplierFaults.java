package io.kameng.sandbox.supplier;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults injected through the supplier's admin API, for one account (the number or game account
 * being recharged) or for all ({@code *}); one for an account wins over the one for all.
 */
@ApplicationScoped
public class SupplierFaults {

  /** A fault and how long it holds (TIMEOUT) or delays (SLOW). */
  public record Injected(SupplierFault fault, Duration hold) {}

  private final Map<String, Injected> byScope = new ConcurrentHashMap<>();

  public void inject(String scope, Injected fault) {
    byScope.put(scope, fault);
  }

  public void clear() {
    byScope.clear();
  }

  public Optional<Injected> forAccount(String account) {
    return Optional.ofNullable(byScope.getOrDefault(account, byScope.get("*")));
  }
}
