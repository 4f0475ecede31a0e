package io.kameng.sandbox.gateway;

import io.kameng.sandbox.signing.SignedPosts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends the asynchronous payment notice to the merchant's notify URL: a signed form POST, repeated
 * until the merchant answers {@code success}, after 4m, 10m, 10m, 1h, 2h, 6h and 15h — times the
 * sandbox's time scale (see {@link SignedPosts}). Injected faults change what is sent.
 */
@ApplicationScoped
public class NoticeSender {

  private static final Logger LOG = Logger.getLogger(NoticeSender.class.getName());

  static final List<Duration> SCHEDULE =
      List.of(
          Duration.ofMinutes(4),
          Duration.ofMinutes(10),
          Duration.ofMinutes(10),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(6),
          Duration.ofHours(15));

  private static final DateTimeFormatter GATEWAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject SignedPosts posts;
  @Inject GatewayKey key;
  @Inject Faults faults;

  /** Starts notifying the merchant of a paid trade. */
  public void notifyPaid(Trade trade) {
    Faults.Injected fault = faults.forTrade(trade.outTradeNo()).orElse(null);
    if (fault != null
        && (fault.notice() == NoticeFault.DROP || fault.notice() == NoticeFault.FORGET)) {
      LOG.info(() -> "Fault " + fault.notice() + ": no notice for " + trade.outTradeNo());
      return;
    }
    String body = SignedPosts.form(parameters(trade, fault));
    int copies = fault != null && fault.notice() == NoticeFault.DUPLICATE ? fault.copies() : 1;
    long delay = fault != null && fault.notice() == NoticeFault.DELAY ? fault.seconds() : 0;
    for (int copy = 0; copy < copies; copy++) {
      posts.deliver(
          trade.notifyUrl(),
          body,
          Duration.ofSeconds(delay),
          SCHEDULE,
          "Notice for " + trade.outTradeNo());
    }
  }

  Map<String, String> parameters(Trade trade, Faults.Injected fault) {
    BigDecimal amount = trade.amount();
    if (fault != null && fault.notice() == NoticeFault.WRONG_AMOUNT) {
      amount = amount.add(BigDecimal.ONE);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("notify_time", GATEWAY_TIME.format(Instant.now()));
    parameters.put("notify_type", "trade_status_sync");
    parameters.put("notify_id", UUID.randomUUID().toString());
    parameters.put("trade_no", trade.tradeNo());
    parameters.put("out_trade_no", trade.outTradeNo());
    parameters.put("total_amount", amount.toPlainString());
    parameters.put("trade_status", trade.status().name());
    parameters.put("gmt_payment", GATEWAY_TIME.format(trade.paidAt()));
    parameters.put("sign_type", "RSA2");
    String signature = key.sign(parameters);
    if (fault != null && fault.notice() == NoticeFault.BAD_SIGNATURE) {
      signature = key.sign(Map.of("forged", "true"));
    }
    parameters.put("sign", signature);
    return parameters;
  }
}
