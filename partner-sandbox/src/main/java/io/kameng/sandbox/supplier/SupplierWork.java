package io.kameng.sandbox.supplier;

import io.kameng.sandbox.gateway.GatewayClock;
import io.kameng.sandbox.signing.SignedPosts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Processes taken recharges in the background (2 seconds, times the sandbox's time scale, or the
 * SLOW fault's delay), then tells the platform the result: a signed form POST to its callback URL,
 * repeated after 1m, 5m, 15m and 1h (times the time scale) until it answers {@code success}. An
 * account starting with {@code 1999} does not exist at the supplier: its recharge fails.
 */
@ApplicationScoped
public class SupplierWork {

  private static final Logger LOG = Logger.getLogger(SupplierWork.class.getName());

  static final Duration PROCESSING = Duration.ofSeconds(2);

  static final List<Duration> CALLBACK_RETRIES =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1));

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject SignedPosts posts;
  @Inject SupplierKey key;
  @Inject GatewayClock clock;

  /** Runs {@code answer} after {@code delay} without holding a request thread meanwhile. */
  public void later(Duration delay, Runnable answer) {
    posts.later(delay, answer);
  }

  /** Processes a recharge just taken, faults as injected for its account. */
  public void process(Recharge recharge, SupplierFaults.Injected fault) {
    long delay =
        fault != null && fault.fault() == SupplierFault.SLOW
            ? fault.hold().toMillis()
            : Math.max(1, (long) (PROCESSING.toMillis() * SignedPosts.timeScale()));
    posts.later(Duration.ofMillis(delay), () -> finish(recharge, fault));
  }

  private void finish(Recharge recharge, SupplierFaults.Injected fault) {
    boolean unknown = recharge.account().startsWith("1999");
    if (!recharge.finish(
        unknown ? Recharge.Status.FAILED : Recharge.Status.SUCCESS,
        unknown ? "ACCOUNT_NOT_FOUND" : null,
        clock.now())) {
      return;
    }
    if (fault != null && fault.fault() == SupplierFault.CALLBACK_LOST) {
      LOG.info(() -> "Fault CALLBACK_LOST: no callback for " + recharge.requestId());
      return;
    }
    posts.deliver(
        recharge.callbackUrl(),
        SignedPosts.form(callback(recharge, fault)),
        Duration.ZERO,
        CALLBACK_RETRIES,
        "Result of " + recharge.requestId());
  }

  Map<String, String> callback(Recharge recharge, SupplierFaults.Injected fault) {
    BigDecimal amount = recharge.amount();
    if (fault != null && fault.fault() == SupplierFault.WRONG_RESULT) {
      amount = amount.add(BigDecimal.ONE);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("request_id", recharge.requestId());
    parameters.put("supplier_order_no", recharge.supplierOrderNo());
    parameters.put("account", recharge.account());
    parameters.put("amount", amount.toPlainString());
    parameters.put("status", recharge.status().name());
    if (recharge.failReason() != null) {
      parameters.put("fail_reason", recharge.failReason());
    }
    parameters.put("finished_time", TIME.format(recharge.finishedAt()));
    parameters.put("sign_type", "RSA2");
    parameters.put("sign", key.sign(parameters));
    return parameters;
  }
}
