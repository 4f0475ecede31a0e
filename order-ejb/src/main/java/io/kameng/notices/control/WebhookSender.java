package io.kameng.notices.control;

import io.kameng.platform.control.PartnerHttp;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends one notice to the storefront's webhook endpoint: a JSON POST with {@code
 * X-Kameng-Notice-Id} and {@code X-Kameng-Signature: sha256=<hex HMAC-SHA256 of the body>} keyed
 * with {@code kameng.notices.webhook-secret}. A timeout ends a hanging endpoint; retries are the
 * outbox's schedule, not this call's.
 */
@ApplicationScoped
public class WebhookSender {

  /** The signature header. */
  public static final String SIGNATURE = "X-Kameng-Signature";

  /** Answers the endpoint's HTTP status (a network failure throws). */
  @Timeout(5_000)
  public int send(String url, long noticeId, String body) {
    var request =
        java.net.http.HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(4))
            .header("Content-Type", "application/json")
            .header("X-Kameng-Notice-Id", Long.toString(noticeId))
            .header(SIGNATURE, "sha256=" + sign(body))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return PartnerHttp.send(request).statusCode();
  }

  /** The body's HMAC-SHA256 with the webhook secret, lower-case hex. */
  public static String sign(String body) {
    String secret =
        ConfigProvider.getConfig()
            .getOptionalValue("kameng.notices.webhook-secret", String.class)
            .orElseThrow(
                () -> new IllegalStateException("kameng.notices.webhook-secret is not set"));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
