package io.kameng.sandbox.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults injected through the sandbox's admin API: for one payment (by the merchant's {@code
 * out_trade_no}) or for all ({@code *}).
 */
@ApplicationScoped
public class Faults {

  /**
   * A fault; for duplicates how many copies of the notice to send at once, for a delay how many
   * seconds to wait.
   */
  public record Injected(NoticeFault notice, int copies, int seconds) {}

  private final Map<String, Injected> byScope = new ConcurrentHashMap<>();
  private volatile boolean queriesDown;
  private volatile boolean queriesHang;
  private volatile boolean refundsSlow;

  /** Whether the trade query hangs for 30 seconds before answering. */
  public boolean queriesHang() {
    return queriesHang;
  }

  public void queriesHang(boolean hang) {
    queriesHang = hang;
  }

  /**
   * Whether a refund is made but answered only after 6 seconds (the merchant times out and asks
   * again; asking again is answered at once).
   */
  public boolean refundsSlow() {
    return refundsSlow;
  }

  public void refundsSlow(boolean slow) {
    refundsSlow = slow;
  }

  /** Whether the trade query answers 503 (the gateway's query service is down). */
  public boolean queriesDown() {
    return queriesDown;
  }

  public void queriesDown(boolean down) {
    queriesDown = down;
  }

  public void inject(String scope, Injected fault) {
    byScope.put(scope, fault);
  }

  public void clear() {
    byScope.clear();
    queriesDown = false;
    queriesHang = false;
    refundsSlow = false;
  }

  public Optional<Injected> forTrade(String outTradeNo) {
    return Optional.ofNullable(byScope.getOrDefault(outTradeNo, byScope.get("*")));
  }
}
