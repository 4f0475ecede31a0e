package io.kameng.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the heap stays full even right after garbage collection: such a server only thrashes
 * and is better restarted by the orchestrator.
 */
@Liveness
@ApplicationScoped
public class MemoryLiveness implements HealthCheck {

  static final double MAX_HEAP_USED_AFTER_GC = 0.98;

  @Override
  public HealthCheckResponse call() {
    double worst = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null && afterGc.getMax() > 0) {
        worst = Math.max(worst, (double) afterGc.getUsed() / afterGc.getMax());
      }
    }
    return HealthCheckResponse.named("heap")
        .status(worst < MAX_HEAP_USED_AFTER_GC)
        .withData("usedAfterGc", String.format("%.1f%%", worst * 100))
        .build();
  }
}
