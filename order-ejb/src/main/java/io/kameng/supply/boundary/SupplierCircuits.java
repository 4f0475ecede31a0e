package io.kameng.supply.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.supply.control.SupplierGateway;
import io.kameng.supply.control.Suppliers;
import io.kameng.supply.entity.SupplierHealth;
import io.kameng.supply.entity.SupplierHealth.Circuit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Each supplier's health for admins: the circuit breaker of its recharge call as this server's
 * fault tolerance reports it in MicroProfile Metrics (state, calls, failures, openings, fallbacks),
 * and the last hour's recharges of all servers from the database. A circuit breaker lives in one
 * server, so with several servers each shows its own.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class SupplierCircuits {

  private static final String CALLS = "ft.circuitbreaker.calls.total";
  private static final String RESULT = "circuitBreakerResult";

  @Inject Suppliers suppliers;
  @Inject PlatformClock clock;
  @PersistenceContext EntityManager em;

  @Inject
  @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
  MetricRegistry metrics;

  public List<SupplierHealth> health() {
    Instant hourAgo = clock.now().minus(Duration.ofHours(1));
    return suppliers.all().stream().map(supplier -> health(supplier, hourAgo)).toList();
  }

  private SupplierHealth health(SupplierGateway supplier, Instant since) {
    Tag method = new Tag("method", adapterClass(supplier).getName() + ".recharge");
    Object[] lastHour =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(state = 'UNAVAILABLE'), 0),"
                        + " COALESCE(SUM(state = 'FAILED'), 0) FROM supplier_order"
                        + " WHERE provider = ?1 AND created_at >= ?2")
                .setParameter(1, supplier.provider())
                .setParameter(2, Timestamp.from(since))
                .getSingleResult();
    return new SupplierHealth(
        supplier.provider(),
        circuit(method),
        count(CALLS, method, new Tag(RESULT, "success")),
        count(CALLS, method, new Tag(RESULT, "failure")),
        count(CALLS, method, new Tag(RESULT, "circuitBreakerOpen")),
        count("ft.circuitbreaker.opened.total", method),
        count(
            "ft.invocations.total",
            method,
            new Tag("fallback", "applied"),
            new Tag("result", "valueReturned")),
        ((Number) lastHour[0]).longValue(),
        ((Number) lastHour[1]).longValue(),
        ((Number) lastHour[2]).longValue());
  }

  /**
   * The state the circuit is in now: fault tolerance reports the time spent in each state, and only
   * the current one's keeps growing, so the state whose time grew between two readings is it.
   */
  private Circuit circuit(Tag method) {
    Map<Circuit, String> states =
        Map.of(Circuit.CLOSED, "closed", Circuit.OPEN, "open", Circuit.HALF_OPEN, "halfOpen");
    Map<Circuit, Long> before = stateTimes(method, states);
    if (before.isEmpty()) {
      return Circuit.UNUSED;
    }
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<Circuit, Long> after = stateTimes(method, states);
    return before.keySet().stream()
        .filter(state -> after.getOrDefault(state, 0L) > before.get(state))
        .findFirst()
        .orElse(Circuit.CLOSED);
  }

  private Map<Circuit, Long> stateTimes(Tag method, Map<Circuit, String> states) {
    Map<Circuit, Long> times = new EnumMap<>(Circuit.class);
    states.forEach(
        (state, tag) -> {
          Gauge<?> gauge =
              metrics.getGauge(
                  new MetricID("ft.circuitbreaker.state.total", method, new Tag("state", tag)));
          if (gauge != null) {
            times.put(state, gauge.getValue().longValue());
          }
        });
    return times;
  }

  private long count(String name, Tag... tags) {
    Counter counter = metrics.getCounter(new MetricID(name, tags));
    return counter == null ? 0 : counter.getCount();
  }

  /** The adapter's own class behind its CDI proxy: fault tolerance names metrics after it. */
  private static Class<?> adapterClass(SupplierGateway supplier) {
    Class<?> type = supplier.getClass();
    while (type.getName().contains("$") && type.getSuperclass() != null) {
      type = type.getSuperclass();
    }
    return type;
  }
}
