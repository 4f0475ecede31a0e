package io.kameng.payment.control;

import io.kameng.payment.entity.GatewayNotice;
import io.kameng.payment.entity.TradeStatus;
import io.kameng.platform.control.PartnerHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The sandbox gateway on Payara Micro ({@code kameng.sandbox.url}), verified with its public key
 * ({@code kameng.gateway.sandbox.public-key}). Creating a payment is bounded by a timeout, retried
 * once on a network failure, and behind a circuit breaker, so a dead gateway answers "try later" at
 * once instead of holding buyers.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

  public static final String PROVIDER = "sandbox";

  private static final DateTimeFormatter GATEWAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ZoneId GATEWAY_ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * How long a call waits for the gateway's answer: just under its fault-tolerance timeout, so a
   * slow answer ends as an ordinary I/O failure (and is retried) rather than by interrupting the
   * thread; the {@code @Timeout}s stay as the last word.
   */
  private static final Duration CREATE_WAIT = Duration.ofMillis(4_500);

  private static final Duration CALL_WAIT = Duration.ofMillis(2_500);

  private volatile PublicKey key;

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  @Timeout(5_000)
  @Retry(maxRetries = 1, delay = 200, retryOn = UncheckedIOException.class)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
  public CreatedPayment create(
      String reference, BigDecimal amount, String subject, URI notifyUrl, URI returnUrl) {
    String body =
        Json.createObjectBuilder()
            .add("outTradeNo", reference)
            .add("amount", amount.toPlainString())
            .add("subject", subject)
            .add("notifyUrl", notifyUrl.toString())
            .add("returnUrl", returnUrl.toString())
            .build()
            .toString();
    HttpResponse<String> response =
        PartnerHttp.send(
            HttpRequest.newBuilder(URI.create(PartnerHttp.sandboxUrl() + "/api/gateway/payments"))
                .timeout(CREATE_WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The sandbox gateway refused the payment: HTTP " + response.statusCode());
    }
    JsonObject created = PartnerHttp.json(response);
    URI sandbox = URI.create(PartnerHttp.sandboxUrl());
    return new CreatedPayment(
        created.getString("tradeNo"), sandbox.resolve(created.getString("payUrl")));
  }

  @Override
  @Timeout(3_000)
  @Retry(maxRetries = 2, delay = 200, retryOn = UncheckedIOException.class)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
  public TradeStatus query(String reference) {
    HttpResponse<String> response =
        PartnerHttp.send(
            HttpRequest.newBuilder(
                    URI.create(
                        PartnerHttp.sandboxUrl()
                            + "/api/gateway/trades/"
                            + URLEncoder.encode(reference, StandardCharsets.UTF_8)))
                .timeout(CALL_WAIT)
                .GET()
                .build());
    if (response.statusCode() == 404) {
      return TradeStatus.of(TradeStatus.State.NOT_FOUND);
    }
    if (response.statusCode() != 200) {
      throw new UncheckedIOException(
          new IOException("The sandbox gateway answered HTTP " + response.statusCode()));
    }
    JsonObject trade = PartnerHttp.json(response);
    return switch (trade.getString("tradeStatus")) {
      case "TRADE_SUCCESS", "TRADE_FINISHED" ->
          TradeStatus.paid(
              new GatewayNotice(
                  reference,
                  trade.getString("tradeNo"),
                  new BigDecimal(trade.getString("amount")),
                  true,
                  null));
      case "TRADE_CLOSED" -> TradeStatus.of(TradeStatus.State.CLOSED);
      default -> TradeStatus.of(TradeStatus.State.WAITING);
    };
  }

  @Override
  @Timeout(3_000)
  @Retry(
      maxRetries = 1,
      delay = 200,
      retryOn = {
        UncheckedIOException.class,
        org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class
      })
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
  public RefundAnswer refund(String reference, String requestNo, BigDecimal amount) {
    String body =
        Json.createObjectBuilder()
            .add("outTradeNo", reference)
            .add("refundRequestNo", requestNo)
            .add("amount", amount.toPlainString())
            .build()
            .toString();
    HttpResponse<String> response =
        PartnerHttp.send(
            HttpRequest.newBuilder(URI.create(PartnerHttp.sandboxUrl() + "/api/gateway/refunds"))
                .timeout(CALL_WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() == 200) {
      return new RefundAnswer(Optional.empty());
    }
    if (response.statusCode() == 422) {
      return new RefundAnswer(Optional.of(PartnerHttp.json(response).getString("code", "REFUSED")));
    }
    throw new UncheckedIOException(
        new IOException("The sandbox gateway answered HTTP " + response.statusCode()));
  }

  @Override
  public Optional<GatewayNotice> verify(Map<String, String> parameters) {
    if (!NoticeSignature.verifies(parameters, key())) {
      return Optional.empty();
    }
    try {
      String status = parameters.getOrDefault("trade_status", "");
      String paidAt = parameters.get("gmt_payment");
      return Optional.of(
          new GatewayNotice(
              PartnerHttp.required(parameters, "out_trade_no"),
              PartnerHttp.required(parameters, "trade_no"),
              new BigDecimal(PartnerHttp.required(parameters, "total_amount")),
              status.equals("TRADE_SUCCESS") || status.equals("TRADE_FINISHED"),
              paidAt == null
                  ? null
                  : LocalDateTime.parse(paidAt, GATEWAY_TIME).atZone(GATEWAY_ZONE).toInstant()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private PublicKey key() {
    if (key == null) {
      key = NoticeSignature.publicKey(PartnerHttp.setting("kameng.gateway.sandbox.public-key"));
    }
    return key;
  }
}
