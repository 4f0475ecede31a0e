package io.kameng.supply.control;

import io.kameng.supply.entity.RechargeAnswer;
import io.kameng.supply.entity.RechargeResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The sandbox supplier on Payara Micro, its main line: the default supplier of a server. A recharge
 * is bounded by a timeout, retried on transient failures only (no answer, 5xx: asking again with
 * the same request id is safe), and behind a circuit breaker of its own; a refusal (4xx) is not
 * retried; whatever still fails is answered by the fallback {@link RechargeNotTaken}.
 */
@ApplicationScoped
public class SandboxSupplier implements SupplierGateway {

  public static final String PROVIDER = "sandbox";

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  @Timeout(3_000)
  @Retry(maxRetries = 2, delay = 200, retryOn = UncheckedIOException.class)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
  @Fallback(RechargeNotTaken.class)
  public RechargeAnswer recharge(
      String requestId, String account, BigDecimal amount, String product, URI callbackUrl) {
    return SandboxSupplierApi.recharge("main", requestId, account, amount, product, callbackUrl);
  }

  @Override
  @Timeout(3_000)
  @Retry(maxRetries = 2, delay = 200, retryOn = UncheckedIOException.class)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
  public Optional<RechargeResult> query(String requestId) {
    return SandboxSupplierApi.query(requestId);
  }

  @Override
  public Optional<RechargeResult> verify(Map<String, String> parameters) {
    return SandboxSupplierApi.verify(parameters);
  }
}
