package io.kameng.it.payment;

import static io.kameng.it.ShopApi.json;
import static io.kameng.it.TestData.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paying through the sandbox gateway over real HTTP: the buyer pays on the gateway's page, the
 * signed notice makes the order paid once; repeated, concurrent, forged, mismatched and garbage
 * notices change nothing more and never get a server error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentsIT {

  private final ShopApi shop = new ShopApi("zh-CN");
  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class, TestOrders.class, TestFixtures.class, ShopApi.class, TestData.class);
  }

  record Placed(String orderNo, String token) {
    String reference(int attempt) {
      return orderNo + "P" + attempt;
    }
  }

  @AfterEach
  void clearFaults() throws Exception {
    sandbox("DELETE", "/api/gateway/faults", null);
  }

  @Test
  void aBuyerPaysOnTheGatewaysPageAndTheNoticeMakesTheOrderPaidOnce() throws Exception {
    Placed order = place();

    String payUrl = startPayment(order);
    assertThat(payUrl).startsWith(KamengTestEnvironment.stack().sandbox().url());
    JsonObject atGateway = follow(order);
    assertThat(atGateway.getString("state")).isEqualTo("SUBMITTED");
    assertThat(atGateway.getString("ownerText")).isEqualTo("支付机构");
    assertThat(atGateway.getString("situation")).startsWith("您已前往支付机构付款");
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(payUrl)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("¥48.00", order.reference(1));
    HttpResponse<String> paid = pay(payUrl);
    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.headers().firstValue("Location"))
        .hasValueSatisfying(
            l -> assertThat(l).contains("/shop/order/view.xhtml?no=" + order.orderNo()));

    JsonObject view = awaitState(order, "PAID");
    assertThat(view.getString("ownerText")).isEqualTo("卡盟平台");
    assertThat(view.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + "/" + e.getString("actor"))
        .containsExactly("SUBMITTED/您", "SENT_TO_PAY/您", "PAID/支付机构");
    assertThat(countNotices(order.reference(1), "APPLIED")).isEqualTo(1);
    assertThat(startPaymentResponse(order).statusCode())
        .as("a paid order is not paid again")
        .isEqualTo(409);
  }

  @Test
  void fiftyConcurrentCopiesOfTheNoticeMoveTheOrderOnceAndLeaveOneEvent() throws Exception {
    Placed order = place();
    String payUrl = startPayment(order);
    fault(order.reference(1), "DUPLICATE", 50);

    pay(payUrl);

    awaitState(order, "PAID");
    await(
        () ->
            countNotices(order.reference(1), "APPLIED")
                    + countNotices(order.reference(1), "REPEATED")
                == 50);
    assertThat(countNotices(order.reference(1), "APPLIED")).isEqualTo(1);
    assertThat(countNotices(order.reference(1), "REPEATED")).isEqualTo(49);
    assertThat(countEvents(order, "PAID")).isEqualTo(1);
  }

  @Test
  void aNoticeWithABadSignatureOrAWrongAmountChangesNothingAndIsRecorded() throws Exception {
    Placed forged = place();
    String forgedPay = startPayment(forged);
    fault(forged.reference(1), "BAD_SIGNATURE", 1);
    Placed mismatched = place();
    String mismatchedPay = startPayment(mismatched);
    fault(mismatched.reference(1), "WRONG_AMOUNT", 1);

    pay(forgedPay);
    pay(mismatchedPay);

    await(() -> countNotices(forged.reference(1), "BAD_SIGNATURE") >= 2);
    await(() -> countNotices(mismatched.reference(1), "AMOUNT_MISMATCH") == 1);
    assertThat(follow(forged).getString("state")).isEqualTo("SUBMITTED");
    assertThat(follow(mismatched).getString("state")).isEqualTo("SUBMITTED");
    assertThat(countEvents(forged, "PAID") + countEvents(mismatched, "PAID")).isZero();
  }

  @Test
  void aLostNoticeIsRecoveredByTheActiveQueryWhileAnUnpaidAttemptStaysOpen() throws Exception {
    Placed lost = place();
    String lostPay = startPayment(lost);
    fault(lost.reference(1), "DROP", 1);
    Placed waiting = place();
    startPayment(waiting);

    pay(lostPay);
    Thread.sleep(1_000);
    assertThat(follow(lost).getString("state")).as("no notice came").isEqualTo("SUBMITTED");

    advance(61);
    while (queryPayments() > 0) {
      // every due attempt, also other tests' left-overs
    }

    JsonObject recovered = follow(lost);
    assertThat(recovered.getString("state")).isEqualTo("PAID");
    assertThat(recovered.getJsonArray("timeline").getJsonObject(2).getString("actor"))
        .isEqualTo("支付机构");
    assertThat(countNotices(lost.reference(1), "APPLIED")).as("paid by the query").isZero();
    assertThat(follow(waiting).getString("state")).isEqualTo("SUBMITTED");
  }

  @Test
  void whenTheGatewaysQueryIsDownTheCircuitOpensAndTheQueriesCatchUpLater() throws Exception {
    Placed lost = place();
    String payUrl = startPayment(lost);
    fault(lost.reference(1), "DROP", 1);
    pay(payUrl);
    sandbox("POST", "/api/gateway/faults", "{\"query\": \"DOWN\"}");
    List<Placed> more = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Placed order = place();
      startPayment(order);
      more.add(order);
    }

    advance(61);
    while (queryPayments() > 0) {
      // all due attempts fail and are put off by 30 seconds, none is used up
    }
    assertThat(follow(lost).getString("state")).isEqualTo("SUBMITTED");
    assertThat(metrics())
        .as("the query's circuit breaker opened")
        .containsPattern(
            "ft_circuitbreaker_opened_total\\{[^}]*SandboxGateway.query[^}]*\\} [1-9]");

    sandbox("DELETE", "/api/gateway/faults", null);
    Thread.sleep(10_500); // the circuit's delay, in real time
    advance(31);
    while (queryPayments() > 0) {
      // the put-off queries, now answered
    }
    assertThat(follow(lost).getString("state")).isEqualTo("PAID");
    assertThat(more)
        .allSatisfy(order -> assertThat(follow(order).getString("state")).isEqualTo("SUBMITTED"));
  }

  @Test
  void aSecondPaymentForAPaidOrderIsRefundedOnceEvenWhenTheGatewayAnswersTooLate()
      throws Exception {
    Placed order = place();
    String first = startPayment(order);
    String second = startPayment(order);
    pay(first);
    awaitState(order, "PAID");
    sandbox("POST", "/api/gateway/faults", "{\"refund\": \"SLOW\"}");

    pay(second);
    await(() -> countNotices(order.reference(2), "DOUBLE_PAYMENT") == 1);
    // The gateway refunds, then answers after the platform stopped waiting; the retry with the
    // same request number is answered at once. (The server's own scan may get there first.)
    await(
        () -> {
          refund();
          return refunds(order).startsWith("1 SUCCEEDED");
        });

    assertThat(refunds(order)).isEqualTo("1 SUCCEEDED:EXTRA_PAYMENT:48.00");
    JsonObject trade = json(sandbox("GET", "/api/gateway/trades/" + order.reference(2), null));
    assertThat(trade.getString("refunded")).isEqualTo("48.00");
    assertThat(trade.getInt("refundCount")).as("refunded once").isEqualTo(1);
    JsonObject first1 = json(sandbox("GET", "/api/gateway/trades/" + order.reference(1), null));
    assertThat(first1.getInt("refundCount")).isZero();
    JsonObject view = follow(order);
    assertThat(view.getString("state")).isEqualTo("PAID");
    assertThat(view.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .containsExactly(
            "SUBMITTED",
            "SENT_TO_PAY",
            "SENT_TO_PAY",
            "PAID",
            "EXTRA_PAYMENT_REFUNDING",
            "PAYMENT_REFUNDED");
    assertThat(view.getJsonArray("timeline").getJsonObject(4).getString("text"))
        .isEqualTo("本订单收到了第二笔付款，多付的款项正在退回");
    assertThat(countEvents(order, "PAID")).isEqualTo(1);

    // The gateway's statement of the (China) day, and of the day before in case midnight passed.
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    HttpResponse<String> statement = sandbox("GET", "/api/gateway/statements/" + today, null);
    HttpResponse<String> dayBefore =
        sandbox("GET", "/api/gateway/statements/" + today.minusDays(1), null);
    assertThat(statement.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(statement.body().lines())
        .first()
        .isEqualTo("type,trade_no,out_trade_no,refund_request_no,amount,fee,time");
    assertThat(
            java.util.stream.Stream.concat(dayBefore.body().lines(), statement.body().lines())
                .filter(l -> l.contains(order.orderNo())))
        .extracting(
            l ->
                String.join(",", java.util.Arrays.asList(l.split(",", -1)).subList(0, 6))
                    .replaceAll("SBX\\d+", "T"))
        .containsExactly(
            "PAYMENT,T," + order.reference(1) + ",,48.00,0.29",
            "PAYMENT,T," + order.reference(2) + ",,48.00,0.29",
            "REFUND,T," + order.reference(2) + "," + order.reference(2) + "R1,-48.00,-0.29");
  }

  @Test
  void aPaymentAfterTheUnpaidExpiryWithinTwelveHoursResumesTheOrder() throws Exception {
    Placed order = place();
    String payUrl = startPayment(order);
    advance(16 * 60);
    while (Integer.parseInt(FixtureClient.create("orders", Map.of("action", "expire"))) > 0) {
      // every due order, also other tests' left-overs
    }
    assertThat(follow(order).getString("state")).isEqualTo("CANCELLED");

    pay(payUrl);

    JsonObject resumed = awaitState(order, "PAID");
    assertThat(resumed.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .containsExactly("SUBMITTED", "SENT_TO_PAY", "EXPIRED_UNPAID", "PAID_LATE");
    assertThat(resumed.getJsonArray("timeline").getJsonObject(3).getString("text"))
        .isEqualTo("您的付款在订单因超时未付被取消后才到账，订单已恢复处理");
    assertThat(refunds(order)).isEqualTo("0");
  }

  @Test
  void aNoticeThatArrivesAfterTheOrderExpiredStillPaysItWithinTwelveHours() throws Exception {
    Placed order = place();
    String payUrl = startPayment(order);
    sandbox(
        "POST",
        "/api/gateway/faults",
        "{\"scope\": \"%s\", \"notice\": \"DELAY\", \"seconds\": 3}".formatted(order.reference(1)));
    pay(payUrl);

    advance(16 * 60);
    while (Integer.parseInt(FixtureClient.create("orders", Map.of("action", "expire"))) > 0) {
      // every due order
    }

    JsonObject resumed = awaitState(order, "PAID");
    assertThat(resumed.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .containsExactly("SUBMITTED", "SENT_TO_PAY", "EXPIRED_UNPAID", "PAID_LATE");
    // The late notice resumes the order, unless the server's query found the payment first.
    await(
        () ->
            countNotices(order.reference(1), "APPLIED")
                    + countNotices(order.reference(1), "REPEATED")
                == 1);
  }

  @Test
  void garbageForgedAndHugeNoticesNeverGetAServerErrorOrChangeAnything() throws Exception {
    Placed order = place();
    startPayment(order);
    String notify = ShopApi.base() + "/payments/notify/sandbox";
    String forged =
        "out_trade_no=%s&trade_no=SBX1&total_amount=48.00&trade_status=TRADE_SUCCESS&sign_type=RSA2&sign=%s"
            .formatted(order.reference(1), "Zm9yZ2Vk");
    List<String> bodies =
        List.of(
            forged,
            "",
            "%%%&&&===",
            "out_trade_no=" + order.reference(1),
            "sign=not-base64!&out_trade_no=" + order.reference(1),
            "x=" + "y".repeat(20_000));

    for (String body : bodies) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(notify))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode())
          .as(body.length() > 50 ? body.substring(0, 50) : body)
          .isLessThan(500);
      assertThat(answer.body()).isNotEqualTo("success");
    }
    HttpResponse<String> json =
        http.send(
            HttpRequest.newBuilder(URI.create(notify))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isEqualTo(415);
    HttpResponse<String> unknownProvider =
        http.send(
            HttpRequest.newBuilder(URI.create(ShopApi.base() + "/payments/notify/paypal"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(forged))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknownProvider.body()).isEqualTo("failure");

    assertThat(follow(order).getString("state")).isEqualTo("SUBMITTED");
    // the forged one, the undecodable signature, and the forged one sent as an unknown provider's
    assertThat(countNotices(order.reference(1), "BAD_SIGNATURE")).isEqualTo(3);
  }

  private Placed place() {
    long card = product("card", true);
    HttpResponse<String> response =
        shop.postJson(
            "/orders",
            "{\"productId\": %d, \"input\": {\"deliveryContact\": \"pay@example.com\"}}"
                .formatted(card));
    assertThat(response.statusCode()).isEqualTo(201);
    return new Placed(json(response).getString("orderNo"), json(response).getString("accessToken"));
  }

  private HttpResponse<String> startPaymentResponse(Placed order) {
    return shop.postJson(
        "/orders/" + order.orderNo() + "/payments", "", "Order-Token", order.token());
  }

  private String startPayment(Placed order) {
    HttpResponse<String> response = startPaymentResponse(order);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).getString("payUrl");
  }

  private HttpResponse<String> pay(String payUrl) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(payUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("action=pay"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void fault(String scope, String notice, int copies) throws Exception {
    HttpResponse<String> answer =
        sandbox(
            "POST",
            "/api/gateway/faults",
            "{\"scope\": \"%s\", \"notice\": \"%s\", \"copies\": %d}"
                .formatted(scope, notice, copies));
    assertThat(answer.statusCode()).isEqualTo(204);
  }

  private HttpResponse<String> sandbox(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(KamengTestEnvironment.stack().sandbox().url() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject follow(Placed order) {
    return json(shop.get("/orders/" + order.orderNo(), "Order-Token", order.token()));
  }

  private JsonObject awaitState(Placed order, String state) {
    await(() -> follow(order).getString("state").equals(state));
    return follow(order);
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within 20 seconds");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private String metrics() throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(KamengTestEnvironment.stack().server().httpUrl() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void advance(int seconds) {
    FixtureClient.create(
        "orders", Map.of("action", "advance", "seconds", Integer.toString(seconds)));
  }

  private static int refund() {
    return Integer.parseInt(FixtureClient.create("orders", Map.of("action", "refund")));
  }

  private static String refunds(Placed order) {
    return FixtureClient.create("orders", Map.of("action", "refunds", "orderNo", order.orderNo()));
  }

  private static int queryPayments() {
    return Integer.parseInt(FixtureClient.create("orders", Map.of("action", "queryPayments")));
  }

  private static int countNotices(String reference, String outcome) {
    return Integer.parseInt(
        FixtureClient.create(
            "orders",
            Map.of("action", "countNotices", "reference", reference, "outcome", outcome)));
  }

  private static int countEvents(Placed order, String event) {
    return Integer.parseInt(
        FixtureClient.create(
            "orders", Map.of("action", "countEvents", "orderNo", order.orderNo(), "event", event)));
  }
}
