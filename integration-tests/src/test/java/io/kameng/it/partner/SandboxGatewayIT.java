package io.kameng.it.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.SandboxApi;
import io.kameng.it.ShopApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox gateway's own admin API, as a tester uses it: faults for one payment leave the others
 * alone, a hanging call is answered after its hold, nonsense is refused, and the gateway's clock
 * moves payments to a later day.
 */
class SandboxGatewayIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void heal() throws Exception {
    send("DELETE", "/faults", null);
    send("DELETE", "/clock", null);
  }

  @Test
  void aFaultForOnePaymentLeavesTheOthersAlone() throws Exception {
    String down = create();
    String slow = create();
    fault("{\"scope\": \"%s\", \"query\": \"DOWN\"}".formatted(down));
    fault("{\"scope\": \"%s\", \"query\": \"HANG\", \"seconds\": 2}".formatted(slow));
    fault("{\"refund\": \"DOWN\"}");

    assertThat(send("GET", "/trades/" + down, null).statusCode()).isEqualTo(503);
    Instant asked = Instant.now();
    HttpResponse<String> held = send("GET", "/trades/" + slow, null);
    assertThat(Duration.between(asked, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(held.statusCode()).isEqualTo(200);
    assertThat(held.body()).contains("WAIT_BUYER_PAY");
    assertThat(
            send(
                    "POST",
                    "/refunds",
                    "{\"outTradeNo\": \"%s\", \"refundRequestNo\": \"%sR1\", \"amount\": \"1.00\"}"
                        .formatted(slow, slow))
                .statusCode())
        .as("refunds are down for every payment")
        .isEqualTo(503);

    fault("{\"scope\": \"%s\", \"query\": \"NONE\"}".formatted(down));
    assertThat(send("GET", "/trades/" + down, null).statusCode()).isEqualTo(200);
  }

  @Test
  void nonsenseFaultsAreRefused() throws Exception {
    assertThat(send("POST", "/faults", "{\"query\": \"SLOW\"}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/faults", "{\"notice\": \"EXPLODE\"}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/faults", "{\"refund\": \"HANG\", \"seconds\": -1}").statusCode())
        .isEqualTo(400);
    assertThat(send("POST", "/clock", "{\"advanceSeconds\": -60}").statusCode()).isEqualTo(400);
  }

  @Test
  void aPaymentMadeAfterTheClockMovedIsOnTheLaterDaysStatement() throws Exception {
    String reference = create();
    String tradeNo = ShopApi.json(send("GET", "/trades/" + reference, null)).getString("tradeNo");
    assertThat(
            send("POST", "/clock", "{\"advanceSeconds\": %d}".formatted(2 * 86_400)).statusCode())
        .isEqualTo(200);

    HttpResponse<String> paid =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway() + "/pay/" + tradeNo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).isEqualTo(200);

    LocalDate later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
    assertThat(send("GET", "/statements/" + later, null).body()).contains(reference);
    assertThat(send("GET", "/statements/" + later.minusDays(2), null).body())
        .doesNotContain(reference);
  }

  /** A trade nobody is notified about (nothing listens on the notify URL). */
  private String create() throws Exception {
    String reference = "SBXIT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    HttpResponse<String> created =
        send(
            "POST",
            "/payments",
            "{\"outTradeNo\": \"%s\", \"amount\": \"1.00\", \"subject\": \"test\","
                    .formatted(reference)
                + " \"notifyUrl\": \"http://127.0.0.1:9/notify\"}");
    assertThat(created.statusCode()).isEqualTo(200);
    return reference;
  }

  private void fault(String json) throws Exception {
    assertThat(send("POST", "/faults", json).statusCode()).isEqualTo(204);
  }

  private static String gateway() {
    return KamengTestEnvironment.stack().sandbox().url() + "/api/gateway";
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    return SandboxApi.send(method, "/api/gateway" + path, json);
  }
}
