package io.kameng.supply.control;

import io.kameng.payment.control.NoticeSignature;
import io.kameng.platform.control.PartnerHttp;
import io.kameng.supply.entity.RechargeAnswer;
import io.kameng.supply.entity.RechargeResult;
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
import java.util.Map;
import java.util.Optional;

/**
 * The calls of the sandbox supplier on Payara Micro ({@code kameng.sandbox.url}) over HTTP, for one
 * of its lines; its results verified with its public key ({@code
 * kameng.supplier.sandbox.public-key}). The adapters ({@link SandboxSupplier}, {@link
 * SandboxBackupSupplier}) wrap them in fault tolerance, each with a circuit of its own.
 */
final class SandboxSupplierApi {

  /** Just under the fault-tolerance timeout, so a slow answer fails as I/O and is retried. */
  private static final Duration CALL_WAIT = Duration.ofMillis(2_500);

  private static volatile PublicKey key;

  private SandboxSupplierApi() {}

  /**
   * Asks for a recharge on {@code line}; throws {@link UncheckedIOException} on no answer or 5xx
   * (worth retrying with the same request id) and {@link IllegalStateException} on a refusal.
   */
  static RechargeAnswer recharge(
      String line,
      String requestId,
      String account,
      BigDecimal amount,
      String product,
      URI callbackUrl) {
    String body =
        Json.createObjectBuilder()
            .add("line", line)
            .add("requestId", requestId)
            .add("product", product)
            .add("account", account)
            .add("amount", amount.toPlainString())
            .add("callbackUrl", callbackUrl.toString())
            .build()
            .toString();
    HttpResponse<String> response =
        PartnerHttp.send(
            HttpRequest.newBuilder(URI.create(PartnerHttp.sandboxUrl() + "/api/supplier/recharges"))
                .timeout(CALL_WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() >= 500) {
      throw new UncheckedIOException(
          new IOException("The sandbox supplier answered HTTP " + response.statusCode()));
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The sandbox supplier refused the recharge: HTTP " + response.statusCode());
    }
    return RechargeAnswer.taken(PartnerHttp.json(response).getString("supplierOrderNo"));
  }

  /** The recharge's result, or empty while it is processing or unknown. */
  static Optional<RechargeResult> query(String requestId) {
    HttpResponse<String> response =
        PartnerHttp.send(
            HttpRequest.newBuilder(
                    URI.create(
                        PartnerHttp.sandboxUrl()
                            + "/api/supplier/recharges/"
                            + URLEncoder.encode(requestId, StandardCharsets.UTF_8)))
                .timeout(CALL_WAIT)
                .GET()
                .build());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new UncheckedIOException(
          new IOException("The sandbox supplier answered HTTP " + response.statusCode()));
    }
    JsonObject recharge = PartnerHttp.json(response);
    String status = recharge.getString("status");
    if (status.equals("PROCESSING")) {
      return Optional.empty();
    }
    return Optional.of(
        new RechargeResult(
            requestId,
            recharge.getString("supplierOrderNo"),
            new BigDecimal(recharge.getString("amount")),
            status.equals("SUCCESS"),
            Optional.ofNullable(recharge.getString("failReason", null))));
  }

  /** A callback's result when its signature verifies and it is complete. */
  static Optional<RechargeResult> verify(Map<String, String> parameters) {
    if (!NoticeSignature.verifies(parameters, key())) {
      return Optional.empty();
    }
    try {
      String status = parameters.getOrDefault("status", "");
      if (!status.equals("SUCCESS") && !status.equals("FAILED")) {
        return Optional.empty();
      }
      return Optional.of(
          new RechargeResult(
              PartnerHttp.required(parameters, "request_id"),
              PartnerHttp.required(parameters, "supplier_order_no"),
              new BigDecimal(PartnerHttp.required(parameters, "amount")),
              status.equals("SUCCESS"),
              Optional.ofNullable(parameters.get("fail_reason"))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static PublicKey key() {
    if (key == null) {
      key = NoticeSignature.publicKey(PartnerHttp.setting("kameng.supplier.sandbox.public-key"));
    }
    return key;
  }
}
