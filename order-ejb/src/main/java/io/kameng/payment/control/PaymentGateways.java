package io.kameng.payment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The payment gateways this server uses: the adapters named in {@code kameng.payment.providers}
 * (comma-separated; {@code sandbox} when not set). The first is where buyers are sent to pay.
 */
@ApplicationScoped
public class PaymentGateways {

  @Inject @Any Instance<PaymentGateway> adapters;

  /** The gateway buyers pay through now. */
  public PaymentGateway current() {
    return byProvider(enabled()[0])
        .orElseThrow(() -> new IllegalStateException("No adapter for " + enabled()[0]));
  }

  /** An enabled gateway by its name, for its notices. */
  public Optional<PaymentGateway> byProvider(String provider) {
    if (Arrays.stream(enabled()).noneMatch(name -> name.equals(provider))) {
      return Optional.empty();
    }
    return adapters.stream().filter(a -> a.provider().equals(provider)).findFirst();
  }

  private static String[] enabled() {
    return ConfigProvider.getConfig()
        .getOptionalValue("kameng.payment.providers", String.class)
        .orElse(SandboxGateway.PROVIDER)
        .split("\\s*,\\s*");
  }
}
