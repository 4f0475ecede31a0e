package io.kameng.sandbox.gateway;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Faults injected through the sandbox's admin API, each for one payment (by the merchant's {@code
 * out_trade_no}) or for all ({@code *}): what happens to the notice, and what the query and refund
 * services answer. A fault for one payment wins over the one for all.
 */
@ApplicationScoped
public class Faults {

  /** How long a hanging query or refund is held, unless the fault says. */
  static final Duration HANG = Duration.ofSeconds(30);

  /** How late a slow refund is answered, unless the fault says. */
  static final Duration SLOW = Duration.ofSeconds(6);

  /**
   * A notice fault; for duplicates how many copies of the notice to send at once, for a delay how
   * many seconds to wait.
   */
  public record Injected(NoticeFault notice, int copies, int seconds) {}

  /** A query or refund fault; how long a hanging call is held (or a slow refund answered late). */
  public record CallFault(ServiceFault kind, Duration hold) {}

  /** Which service a {@link ServiceFault} is for. */
  public enum Service {
    QUERY,
    REFUND
  }

  private final Map<String, Injected> notices = new ConcurrentHashMap<>();
  private final Map<String, BillFault> billDays = new ConcurrentHashMap<>();
  private final Map<String, BillFault> billTrades = new ConcurrentHashMap<>();
  private final Map<Service, Map<String, CallFault>> services =
      Map.of(Service.QUERY, new ConcurrentHashMap<>(), Service.REFUND, new ConcurrentHashMap<>());

  @Resource ManagedScheduledExecutorService scheduler;

  public void inject(String scope, Injected fault) {
    notices.put(scope, fault);
  }

  /** Makes {@code service} fail for {@code scope} as {@code fault} says; {@code null} heals it. */
  public void inject(Service service, String scope, CallFault fault) {
    if (fault == null) {
      services.get(service).remove(scope);
    } else {
      services.get(service).put(scope, fault);
    }
  }

  /** Heals the notice fault of {@code scope}. */
  public void healNotice(String scope) {
    notices.remove(scope);
  }

  /**
   * Makes the bill go wrong for {@code scope} (a day {@code yyyy-MM-dd} or {@code *} for a day
   * fault, an {@code out_trade_no} or {@code *} for a payment's); {@code null} heals the scope.
   */
  public void inject(String scope, BillFault fault) {
    if (fault == null) {
      billDays.remove(scope);
      billTrades.remove(scope);
    } else if (fault.forDay()) {
      billDays.put(scope, fault);
    } else {
      billTrades.put(scope, fault);
    }
  }

  public void clear() {
    notices.clear();
    services.values().forEach(Map::clear);
    billDays.clear();
    billTrades.clear();
  }

  /** The bill fault for a day ({@code yyyy-MM-dd}). */
  public Optional<BillFault> forBillDay(String day) {
    return Optional.ofNullable(billDays.getOrDefault(day, billDays.get("*")));
  }

  /** The bill fault for one payment's rows. */
  public Optional<BillFault> forBillTrade(String outTradeNo) {
    return Optional.ofNullable(billTrades.getOrDefault(outTradeNo, billTrades.get("*")));
  }

  public Optional<Injected> forTrade(String outTradeNo) {
    return Optional.ofNullable(notices.getOrDefault(outTradeNo, notices.get("*")));
  }

  public Optional<CallFault> forCall(Service service, String outTradeNo) {
    Map<String, CallFault> faults = services.get(service);
    return Optional.ofNullable(faults.getOrDefault(outTradeNo, faults.get("*")));
  }

  /** Runs {@code answer} after {@code delay} without holding a request thread meanwhile. */
  public void later(Duration delay, Runnable answer) {
    scheduler.schedule(answer, delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
