package io.kameng.supply.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How a supplier is doing, for admins: the circuit breaker of its recharge call on this server and
 * the calls it counted since the server started (MicroProfile Metrics), and the recharges asked of
 * it in the last hour by all servers (from the database).
 *
 * @param provider the supplier's name
 * @param circuit the circuit's state on this server now; {@link Circuit#UNUSED} before the first
 *     call
 * @param succeeded calls the breaker counted as successes (this server)
 * @param failed calls the breaker counted as failures (this server)
 * @param refusedOpen calls refused at once because the circuit was open (this server)
 * @param opened how often the circuit opened (this server)
 * @param fallbacks calls answered by the fallback, after timeout and retries (this server)
 * @param askedLastHour recharges asked of it in the last hour (all servers)
 * @param unavailableLastHour of those, the ones it could not take (all servers)
 * @param failedLastHour of those, the ones whose result was a failure (all servers)
 */
public record SupplierHealth(
    String provider,
    Circuit circuit,
    long succeeded,
    long failed,
    long refusedOpen,
    long opened,
    long fallbacks,
    long askedLastHour,
    long unavailableLastHour,
    long failedLastHour) {

  /** A circuit breaker's state. */
  public enum Circuit {
    CLOSED,
    OPEN,
    HALF_OPEN,
    UNUSED
  }

  /** Failures among the breaker's calls on this server, in percent; empty before any call. */
  public Optional<BigDecimal> errorRatePercent() {
    return percent(failed + refusedOpen, succeeded + failed + refusedOpen);
  }

  /** Recharges it could not take or failed in the last hour, in percent; empty when none asked. */
  public Optional<BigDecimal> lastHourErrorRatePercent() {
    return percent(unavailableLastHour + failedLastHour, askedLastHour);
  }

  private static Optional<BigDecimal> percent(long part, long whole) {
    if (whole == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
  }
}
