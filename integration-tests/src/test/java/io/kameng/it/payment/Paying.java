package io.kameng.it.payment;

import static io.kameng.it.ShopApi.json;
import static io.kameng.it.TestData.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.SandboxApi;
import io.kameng.it.ShopApi;
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
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A buyer paying through the sandbox gateway over real HTTP, the sandbox's admin API (faults, its
 * clock), and the test WAR's fixtures for payments: the steps the payment tests are written in.
 */
public final class Paying {

  private static final ShopApi shop = new ShopApi("zh-CN");
  private static final HttpClient http = HttpClient.newHttpClient();

  private Paying() {}

  public record Placed(String orderNo, String token) {
    public String reference(int attempt) {
      return orderNo + "P" + attempt;
    }
  }

  /** An unpaid order for a new card-key product that merchants deliver (it stays PAID). */
  public static Placed place() {
    return place(product("card", true), 1);
  }

  public static Placed place(long productId, int quantity) {
    return place(productId, quantity, "{\"deliveryContact\": \"pay@example.com\"}");
  }

  /** An unpaid order with the buyer's input as JSON. */
  public static Placed place(long productId, int quantity, String input) {
    HttpResponse<String> response =
        shop.postJson(
            "/orders",
            "{\"productId\": %d, \"quantity\": %d, \"input\": %s}"
                .formatted(productId, quantity, input));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new Placed(json(response).getString("orderNo"), json(response).getString("accessToken"));
  }

  public static HttpResponse<String> startPaymentResponse(Placed order) {
    return shop.postJson(
        "/orders/" + order.orderNo() + "/payments", "", "Order-Token", order.token());
  }

  public static String startPayment(Placed order) {
    HttpResponse<String> response = startPaymentResponse(order);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).getString("payUrl");
  }

  public static HttpResponse<String> pay(String payUrl) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(payUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("action=pay"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static void fault(String scope, String notice, int copies) throws Exception {
    HttpResponse<String> answer =
        sandbox(
            "POST",
            "/api/gateway/faults",
            "{\"scope\": \"%s\", \"notice\": \"%s\", \"copies\": %d}"
                .formatted(scope, notice, copies));
    assertThat(answer.statusCode()).isEqualTo(204);
  }

  public static HttpResponse<String> sandbox(String method, String path, String json)
      throws Exception {
    return SandboxApi.send(method, path, json);
  }

  public static JsonObject follow(Placed order) {
    return json(shop.get("/orders/" + order.orderNo(), "Order-Token", order.token()));
  }

  /**
   * The paid test order handed on: the test card product is a merchant product, so right after its
   * payment the order is checked and offered to the merchants' grab pool (being delivered, owned by
   * the merchants). Waits for that and answers the order as its buyer sees it.
   */
  public static JsonObject awaitPaid(Placed order) {
    await(() -> events(follow(order)).contains("OFFERED_TO_POOL"));
    return follow(order);
  }

  /** The events of the order's timeline, oldest first. */
  public static List<String> events(JsonObject view) {
    return view.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
        .map(event -> event.getString("event"))
        .toList();
  }

  /**
   * The timeline without the events of the dispatch to the merchants that follows every payment of
   * the test card product (checked, offered to the grab pool), which may come before or after other
   * money events.
   */
  public static List<JsonObject> paymentTimeline(JsonObject view) {
    return view.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
        .filter(
            event ->
                !Set.of("VERIFICATION_STARTED", "OFFERED_TO_POOL")
                    .contains(event.getString("event")))
        .toList();
  }

  public static JsonObject awaitState(Placed order, String state) {
    await(() -> follow(order).getString("state").equals(state));
    return follow(order);
  }

  public static void await(BooleanSupplier condition) {
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

  public static String metrics() throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(KamengTestEnvironment.stack().server().httpUrl() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  public static void advance(int seconds) {
    FixtureClient.create(
        "orders", Map.of("action", "advance", "seconds", Integer.toString(seconds)));
  }

  public static int refund() {
    return Integer.parseInt(FixtureClient.create("orders", Map.of("action", "refund")));
  }

  public static String refunds(Placed order) {
    return FixtureClient.create("orders", Map.of("action", "refunds", "orderNo", order.orderNo()));
  }

  public static int queryPayments() {
    return Integer.parseInt(FixtureClient.create("orders", Map.of("action", "queryPayments")));
  }

  public static int countNotices(String reference, String outcome) {
    return Integer.parseInt(
        FixtureClient.create(
            "orders",
            Map.of("action", "countNotices", "reference", reference, "outcome", outcome)));
  }

  public static int countEvents(Placed order, String event) {
    return Integer.parseInt(
        FixtureClient.create(
            "orders", Map.of("action", "countEvents", "orderNo", order.orderNo(), "event", event)));
  }

  /** Moves the sandbox gateway's clock forward (payments made afterwards carry the later time). */
  public static void advanceGateway(long seconds) throws Exception {
    HttpResponse<String> answer =
        sandbox("POST", "/api/gateway/clock", "{\"advanceSeconds\": %d}".formatted(seconds));
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  /** Runs the unpaid expiry until no order is due. */
  public static void expireDueOrders() {
    while (Integer.parseInt(FixtureClient.create("orders", Map.of("action", "expire"))) > 0) {
      // every due order, also other tests' left-overs
    }
  }

  /** Runs the payment queries until no attempt is due. */
  public static void queryAllDuePayments() {
    while (queryPayments() > 0) {
      // every due attempt, also other tests' left-overs
    }
  }
}
