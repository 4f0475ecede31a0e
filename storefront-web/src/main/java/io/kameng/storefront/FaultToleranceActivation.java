package io.kameng.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Switches MicroProfile Fault Tolerance on for the whole Kameng EAR.
 *
 * <p>Payara activates Fault Tolerance for an application only when one of its WARs uses a fault
 * tolerance annotation: its MicroProfile sniffers inspect WAR modules, never EJB jars. Kameng's
 * partner adapters (gateway, suppliers) live in {@code order-ejb}, so without a WAR carrying an
 * annotation their {@code @Timeout}, {@code @Retry}, {@code @CircuitBreaker} and {@code @Fallback}
 * would be silently ignored. This bean is that annotation; it is never called. {@code PlatformIT}
 * proves that a partner call in {@code order-ejb} is cut off by its timeout in the deployed EAR.
 */
@ApplicationScoped
public class FaultToleranceActivation {

  @Timeout(1_000)
  public void activatesFaultToleranceForTheEar() {
    // the annotation above is the point; see the class comment
  }
}
