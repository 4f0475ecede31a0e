package io.kameng.sandbox.supplier;

import io.kameng.sandbox.gateway.GatewayClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox supplier's recharges, in memory, by the platform's request id. */
@ApplicationScoped
public class Recharges {

  @Inject GatewayClock clock;

  private final Map<String, Recharge> byRequestId = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());

  /**
   * The recharge of this request id: the one made now, or the one made before (idempotent). Its
   * order number tells the line it came in on ({@code SUP…} the main line, {@code BAK…} the
   * backup).
   */
  public Taken take(
      String requestId,
      String line,
      String product,
      String account,
      BigDecimal amount,
      String callbackUrl) {
    boolean[] made = {false};
    Recharge recharge =
        byRequestId.computeIfAbsent(
            requestId,
            id -> {
              made[0] = true;
              return new Recharge(
                  id,
                  (line.equals("backup") ? "BAK" : "SUP") + sequence.incrementAndGet(),
                  product,
                  account,
                  amount,
                  callbackUrl,
                  clock.now());
            });
    return new Taken(recharge, made[0]);
  }

  /** A recharge and whether this request made it (false: it repeats an earlier one). */
  public record Taken(Recharge recharge, boolean made) {}

  /** Every recharge. */
  public java.util.List<Recharge> all() {
    return java.util.List.copyOf(byRequestId.values());
  }

  public Optional<Recharge> byRequestId(String requestId) {
    return Optional.ofNullable(byRequestId.get(requestId));
  }
}
