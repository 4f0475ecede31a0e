package io.kameng.it.payment;

import static io.kameng.it.ShopApi.json;
import static io.kameng.it.payment.Paying.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.ConsoleBrowser;
import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refunds through the sandbox gateway over real HTTP: part of a paid order, then the rest when it
 * cannot be fulfilled; never more than was paid, also under concurrency; exactly once when the
 * gateway hangs and refunds after the platform gave up; the buyer follows each refund on the order
 * page and in the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefundsIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        ShopApi.class,
        TestData.class,
        TestAccounts.class);
  }

  @AfterEach
  void clearFaults() throws Exception {
    sandbox("DELETE", "/api/gateway/faults", null);
  }

  @Test
  void aPartIsRefundedWhileTheOrderGoesOnAndTheRestWhenItCannotBeFulfilled() throws Exception {
    Placed order = paidOrder();

    assertThat(requestRefund(order, "10.00")).isEqualTo(order.reference(1) + "R1");
    assertThat(requestRefund(order, "38.01"))
        .as("only 38.00 is left")
        .isEqualTo("refused:refund.exceedsPayment");
    assertThat(requestRefund(order, "0.00")).isEqualTo("refused:refund.amountInvalid");
    assertThat(requestRefund(order, "1.234")).isEqualTo("refused:refund.amountInvalid");
    assertThat(requestRefund(order, "-5")).isEqualTo("refused:refund.amountInvalid");
    processAllDueRefunds();

    JsonObject afterPart = follow(order);
    assertThat(afterPart.getString("state")).as("the order goes on").isEqualTo("FULFILLING");
    assertThat(afterPart.getJsonArray("refunds").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("amount") + " " + r.getString("stateText"))
        .containsExactly("10.00 已退回");
    assertThat(afterPart.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + ":" + e.getString("reason", ""))
        .endsWith("PART_REFUND_REQUESTED:10.00", "PAYMENT_REFUNDED:10.00");
    assertThat(trade(order).getString("refunded")).isEqualTo("10.00");

    assertThat(requestRefund(order, null)).isEqualTo(order.reference(1) + "R2");
    assertThat(follow(order).getString("state")).isEqualTo("REFUNDING");
    assertThat(requestRefund(order, null))
        .as("a refund under way is not asked for again")
        .isEqualTo("refused:order.cannotMove");
    processAllDueRefunds();

    JsonObject refunded = follow(order);
    assertThat(refunded.getString("state")).isEqualTo("REFUNDED");
    assertThat(refunded.getJsonArray("refunds").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("amount") + " " + r.getString("reasonText"))
        .containsExactly("10.00 未交付的部分", "38.00 订单无法完成");
    assertThat(trade(order).getString("refunded")).isEqualTo("48.00");
    assertThat(trade(order).getInt("refundCount")).isEqualTo(2);
    assertThat(refunds(order))
        .isEqualTo("2 SUCCEEDED:UNDELIVERED_PART:10.00,SUCCEEDED:NOT_FULFILLED:38.00");

    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        KamengTestEnvironment.stack().server().httpUrl()
                            + "/shop/order/view.xhtml?no="
                            + order.orderNo()
                            + "&token="
                            + order.token()))
                .header("Accept-Language", "zh-CN")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("id=\"refunds\"", "¥10.00", "¥38.00", "订单无法完成", "已退回", "已退款");
  }

  @Test
  void tenConcurrentPartRefundsNeverTakeBackMoreThanWasPaid() throws Exception {
    Placed order = paidOrder();

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<CompletableFuture<String>> asked;
    try {
      asked =
          java.util.stream.IntStream.range(0, 10)
              .mapToObj(
                  i -> CompletableFuture.supplyAsync(() -> requestRefund(order, "10.00"), pool))
              .toList();
      CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdown();
    }

    Map<String, Integer> answers = new HashMap<>();
    asked.forEach(
        a -> answers.merge(a.join().startsWith("refused:") ? a.join() : "ok", 1, Integer::sum));
    assertThat(answers).isEqualTo(Map.of("ok", 4, "refused:refund.exceedsPayment", 6));
    processAllDueRefunds();
    assertThat(trade(order).getString("refunded")).isEqualTo("40.00");
    assertThat(refunds(order)).startsWith("4 ");
    assertThat(countEvents(order, "PART_REFUND_REQUESTED")).isEqualTo(4);
  }

  @Test
  void aRefundTheGatewayMakesAfterThePlatformGaveUpIsMadeOnce() throws Exception {
    Placed order = paidOrder();
    sandbox(
        "POST",
        "/api/gateway/faults",
        "{\"scope\": \"%s\", \"refund\": \"HANG\", \"seconds\": 8}".formatted(order.reference(1)));
    assertThat(requestRefund(order, null)).isEqualTo(order.reference(1) + "R1");

    processAllDueRefunds();

    JsonObject waiting = follow(order);
    assertThat(waiting.getString("state")).isEqualTo("REFUNDING");
    assertThat(waiting.getJsonArray("refunds").getJsonObject(0).getString("state"))
        .isEqualTo("RETRYING");
    assertThat(waiting.getJsonArray("refunds").getJsonObject(0).getString("stateText"))
        .startsWith("退款处理中");
    String admin = TestAccounts.create("admin", Role.ADMIN, "correct-horse-battery");
    ConsoleBrowser console =
        new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), null);
    console.signIn("admin", admin, "correct-horse-battery");
    assertThat(console.get("/admin/payments/problems.xhtml").body())
        .as("the admin sees the refund the gateway has not confirmed")
        .contains(order.reference(1) + "R1", "重试中", "订单无法完成", "48.00");
    await(() -> trade(order).getString("refunded").equals("48.00")); // the held calls end
    Thread.sleep(3_000); // the second held call ends too (it asked with the same number)

    sandbox(
        "POST",
        "/api/gateway/faults",
        "{\"scope\": \"%s\", \"refund\": \"NONE\"}".formatted(order.reference(1)));
    Thread.sleep(10_500); // the circuit may have opened: its delay, in real time
    advance(31);
    processAllDueRefunds();

    assertThat(follow(order).getString("state")).isEqualTo("REFUNDED");
    assertThat(refunds(order)).isEqualTo("1 SUCCEEDED:NOT_FULFILLED:48.00");
    assertThat(trade(order).getInt("refundCount")).as("refunded once").isEqualTo(1);
    assertThat(trade(order).getString("refunded")).isEqualTo("48.00");
  }

  private static Placed paidOrder() throws Exception {
    Placed order = place();
    pay(startPayment(order));
    awaitPaid(order);
    return order;
  }

  private static String requestRefund(Placed order, String amount) {
    Map<String, String> fields = new HashMap<>();
    fields.put("action", "requestRefund");
    fields.put("orderNo", order.orderNo());
    if (amount != null) {
      fields.put("amount", amount);
    }
    return FixtureClient.create("orders", fields);
  }

  private static void processAllDueRefunds() {
    while (refund() > 0) {
      // every due refund, also other tests' left-overs
    }
  }

  private static JsonObject trade(Placed order) {
    try {
      return json(sandbox("GET", "/api/gateway/trades/" + order.reference(1), null));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
