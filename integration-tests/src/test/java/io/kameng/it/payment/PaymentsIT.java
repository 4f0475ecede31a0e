package io.kameng.it.payment;

import static io.kameng.it.ShopApi.json;
import static io.kameng.it.payment.Paying.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.GatewayBills;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class, TestOrders.class, TestFixtures.class, ShopApi.class, TestData.class);
  }

  @AfterEach
  void clearFaults() throws Exception {
    sandbox("DELETE", "/api/gateway/faults", null);
    sandbox("DELETE", "/api/gateway/clock", null);
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

    JsonObject view = awaitPaid(order);
    assertThat(view.getString("state")).isEqualTo("FULFILLING");
    assertThat(view.getString("ownerText")).as("handed on to the merchants").isEqualTo("商家");
    assertThat(view.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + "/" + e.getString("actor"))
        .containsExactly(
            "SUBMITTED/您",
            "SENT_TO_PAY/您",
            "PAID/支付机构",
            "VERIFICATION_STARTED/卡盟平台",
            "OFFERED_TO_POOL/卡盟平台");
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

    awaitPaid(order);
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
    queryAllDuePayments();

    JsonObject recovered = awaitPaid(lost);
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
    queryAllDuePayments();
    JsonObject unconfirmed = follow(lost);
    assertThat(unconfirmed.getString("state")).isEqualTo("SUBMITTED");
    assertThat(unconfirmed.getString("stuckReason")).isEqualTo("PAYMENT_SYNC");
    assertThat(unconfirmed.getString("stuckReasonText")).isEqualTo("正在等待支付机构确认您的付款");
    assertThat(more)
        .allSatisfy(
            order -> assertThat(follow(order).getString("stuckReason")).isEqualTo("PAYMENT_SYNC"));
    assertThat(metrics())
        .as("the query's circuit breaker opened")
        .containsPattern(
            "ft_circuitbreaker_opened_total\\{[^}]*SandboxGateway.query[^}]*\\} [1-9]");

    sandbox("DELETE", "/api/gateway/faults", null);
    Thread.sleep(10_500); // the circuit's delay, in real time
    advance(31);
    queryAllDuePayments();
    JsonObject paid = awaitPaid(lost);
    assertThat(paid.containsKey("stuckReason")).as("no longer late").isFalse();
    assertThat(more)
        .allSatisfy(
            order -> {
              JsonObject waiting = follow(order);
              assertThat(waiting.getString("state")).isEqualTo("SUBMITTED");
              assertThat(waiting.containsKey("stuckReason")).isFalse();
              assertThat(countEvents(order, "MARKED_LATE")).as("told once").isEqualTo(1);
            });
  }

  @Test
  void aQueryTheGatewayLeavesHangingTimesOutAndTheBuyerIsToldUntilItAnswers() throws Exception {
    Placed hanging = place();
    String payUrl = startPayment(hanging);
    fault(hanging.reference(1), "DROP", 1);
    sandbox(
        "POST",
        "/api/gateway/faults",
        "{\"scope\": \"%s\", \"query\": \"HANG\", \"seconds\": 20}"
            .formatted(hanging.reference(1)));
    pay(payUrl);

    advance(61);
    Instant asked = Instant.now();
    queryAllDuePayments();

    assertThat(Duration.between(asked, Instant.now()))
        .as("the platform gave up waiting (three tries) long before the gateway's 20 seconds")
        .isLessThan(Duration.ofSeconds(15));
    JsonObject waiting = follow(hanging);
    assertThat(waiting.getString("state")).isEqualTo("SUBMITTED");
    assertThat(waiting.getString("stuckReason")).isEqualTo("PAYMENT_SYNC");
    assertThat(Instant.parse(waiting.getString("expectedAt")))
        .as("asked again in 30 seconds (platform time)")
        .isAfter(Instant.parse(waiting.getString("submittedAt")));
    assertThat(waiting.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .containsExactly("SUBMITTED", "SENT_TO_PAY", "MARKED_LATE");

    sandbox(
        "POST",
        "/api/gateway/faults",
        "{\"scope\": \"%s\", \"query\": \"NONE\"}".formatted(hanging.reference(1)));
    Thread.sleep(10_500); // the circuit may have opened: its delay, in real time
    advance(31);
    queryAllDuePayments();

    JsonObject paid = awaitPaid(hanging);
    assertThat(paid.containsKey("stuckReason")).isFalse();
  }

  @Test
  void aPaymentMoreThanTwelveHoursAfterTheUnpaidExpiryIsRefundedAndTheOrderStaysCancelled()
      throws Exception {
    Placed order = place();
    String payUrl = startPayment(order);
    long thirteenHours = 13 * 3600;
    advance((int) thirteenHours);
    expireDueOrders();
    assertThat(follow(order).getString("state")).isEqualTo("CANCELLED");
    advanceGateway(thirteenHours); // the buyer pays at the gateway 13 hours later

    pay(payUrl);

    await(() -> countNotices(order.reference(1), "TOO_LATE") == 1);
    await(
        () -> {
          refund();
          return refunds(order).startsWith("1 SUCCEEDED");
        });
    assertThat(refunds(order)).isEqualTo("1 SUCCEEDED:LATE_PAYMENT:48.00");
    JsonObject trade = json(sandbox("GET", "/api/gateway/trades/" + order.reference(1), null));
    assertThat(trade.getString("refunded")).isEqualTo("48.00");
    JsonObject view = follow(order);
    assertThat(view.getString("state")).isEqualTo("CANCELLED");
    assertThat(view.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .containsExactly(
            "SUBMITTED",
            "SENT_TO_PAY",
            "EXPIRED_UNPAID",
            "LATE_PAYMENT_REFUNDING",
            "PAYMENT_REFUNDED");
    JsonObject refund = view.getJsonArray("refunds").getJsonObject(0);
    assertThat(refund.getString("amount")).isEqualTo("48.00");
    assertThat(refund.getString("reasonText")).isEqualTo("订单取消后才付款");
    assertThat(refund.getString("stateText")).isEqualTo("已退回");
    assertThat(refund.containsKey("refundedAt")).isTrue();
    assertThat(countEvents(order, "PAID") + countEvents(order, "PAID_LATE")).isZero();
  }

  @Test
  void aSecondPaymentForAPaidOrderIsRefundedOnceEvenWhenTheGatewayAnswersTooLate()
      throws Exception {
    Placed order = place();
    String first = startPayment(order);
    String second = startPayment(order);
    pay(first);
    awaitPaid(order);
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
    assertThat(view.getString("state")).isEqualTo("FULFILLING");
    assertThat(paymentTimeline(view))
        .extracting(e -> e.getString("event"))
        .containsExactly(
            "SUBMITTED",
            "SENT_TO_PAY",
            "SENT_TO_PAY",
            "PAID",
            "EXTRA_PAYMENT_REFUNDING",
            "PAYMENT_REFUNDED");
    assertThat(paymentTimeline(view).get(4).getString("text")).isEqualTo("本订单收到了第二笔付款，多付的款项正在退回");
    assertThat(countEvents(order, "PAID")).isEqualTo(1);

    // The gateway's bill of the (China) day, and of the day before in case midnight passed.
    java.time.LocalDate today = java.time.LocalDate.now(GatewayBills.CHINA);
    List<GatewayBills.Bill> bills = GatewayBills.of(today.minusDays(1), today);
    assertThat(bills.get(1).download().headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
    assertThat(bills.get(1).detailLines().get(4)).isEqualTo(String.join(",", GatewayBills.COLUMNS));
    assertThat(bills.stream().flatMap(bill -> bill.rows().stream()))
        .filteredOn(row -> row.outTradeNo().contains(order.orderNo()))
        .extracting(
            row ->
                String.join(
                    ",",
                    row.type(),
                    row.tradeNo().replaceAll("SBX\\d+", "T"),
                    row.outTradeNo(),
                    row.refundRequestNo(),
                    row.received(),
                    row.fee()))
        .containsExactly(
            "交易,T," + order.reference(1) + ",,48.00,-0.29",
            "交易,T," + order.reference(2) + ",,48.00,-0.29",
            "退款,T," + order.reference(2) + "," + order.reference(2) + "R1,-48.00,0.29");
  }

  @Test
  void aPaymentAfterTheUnpaidExpiryWithinTwelveHoursResumesTheOrder() throws Exception {
    Placed order = place();
    String payUrl = startPayment(order);
    advance(16 * 60);
    expireDueOrders();
    assertThat(follow(order).getString("state")).isEqualTo("CANCELLED");

    pay(payUrl);

    JsonObject resumed = awaitPaid(order);
    assertThat(resumed.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .containsExactly(
            "SUBMITTED",
            "SENT_TO_PAY",
            "EXPIRED_UNPAID",
            "PAID_LATE",
            "VERIFICATION_STARTED",
            "OFFERED_TO_POOL");
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
    expireDueOrders();

    JsonObject resumed = awaitPaid(order);
    assertThat(resumed.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .containsExactly(
            "SUBMITTED",
            "SENT_TO_PAY",
            "EXPIRED_UNPAID",
            "PAID_LATE",
            "VERIFICATION_STARTED",
            "OFFERED_TO_POOL");
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
}
