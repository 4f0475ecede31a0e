package io.kameng.sandbox.gateway;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends the asynchronous payment notice to the merchant's notify URL: a signed form POST, repeated
 * until the merchant answers {@code success}, after 4m, 10m, 10m, 1h, 2h, 6h and 15h — times the
 * time scale ({@code -Dsandbox.time-scale}, e.g. {@code 0.001} turns 4 minutes into 240 ms), so
 * tests run the whole schedule in seconds. Injected faults change what is sent.
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

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject GatewayKey key;
  @Inject Faults faults;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Starts notifying the merchant of a paid trade. */
  public void notifyPaid(Trade trade) {
    Faults.Injected fault = faults.forTrade(trade.outTradeNo()).orElse(null);
    if (fault != null && fault.notice() == NoticeFault.DROP) {
      LOG.info(() -> "Fault DROP: no notice for " + trade.outTradeNo());
      return;
    }
    String body = form(parameters(trade, fault));
    int copies = fault != null && fault.notice() == NoticeFault.DUPLICATE ? fault.copies() : 1;
    long delay = fault != null && fault.notice() == NoticeFault.DELAY ? fault.seconds() : 0;
    for (int copy = 0; copy < copies; copy++) {
      scheduler.schedule(() -> attempt(trade, body, 0), delay, TimeUnit.SECONDS);
    }
  }

  private void attempt(Trade trade, String body, int attempt) {
    boolean acknowledged = false;
    try {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(trade.notifyUrl()))
                  .timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      acknowledged = reply.statusCode() == 200 && reply.body().strip().equals("success");
    } catch (java.io.IOException e) {
      LOG.log(Level.FINE, "Notice to " + trade.notifyUrl() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!acknowledged && attempt < SCHEDULE.size()) {
      long delay = Math.max(1, (long) (SCHEDULE.get(attempt).toMillis() * timeScale()));
      LOG.info(
          () ->
              "Notice for " + trade.outTradeNo() + " not acknowledged; again in " + delay + " ms");
      scheduler.schedule(() -> attempt(trade, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
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

  public static double timeScale() {
    return Double.parseDouble(System.getProperty("sandbox.time-scale", "1"));
  }

  /** Parameters as an {@code application/x-www-form-urlencoded} body. */
  public static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
