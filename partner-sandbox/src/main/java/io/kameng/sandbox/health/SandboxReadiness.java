package io.kameng.sandbox.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The sandbox is ready once its simulators are deployed; the platform probes this endpoint. */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("partner-sandbox").up().build();
  }
}
