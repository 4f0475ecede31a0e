package io.kameng.sandbox.supplier;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults injected through the supplier's admin API, for one account (the number or game account
 * being recharged) or for all ({@code *}), and for one of the supplier's lines ({@code main},
 * {@code backup}: the platform's two adapters) or for both; one for an account wins over the one
 * for all, and one for a line over the one for both.
 */
@ApplicationScoped
public class SupplierFaults {

  /** A fault and how long it holds (TIMEOUT) or delays (SLOW). */
  public record Injected(SupplierFault fault, Duration hold) {}

  private final Map<String, Injected> byScope = new ConcurrentHashMap<>();

  /** A fault for {@code scope} (an account or {@code *}) on {@code line}, or on every line. */
  public void inject(String scope, Optional<String> line, Injected fault) {
    byScope.put(line.orElse("*") + "|" + scope, fault);
  }

  public void clear() {
    byScope.clear();
  }

  public Optional<Injected> forAccount(String account, String line) {
    for (String key : new String[] {line + "|" + account, "*|" + account, line + "|*", "*|*"}) {
      Injected fault = byScope.get(key);
      if (fault != null) {
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }
}
