package io.kameng.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storefront API as a buyer's client uses it: finds a card-key product in the catalogue and
 * submits orders for it. Every order has a delivery contact of its own and no Idempotency-Key, the
 * common path: an identical request within 60 seconds would answer the earlier order instead.
 */
final class OrderApi {

  private static final Set<String> CARD_KEY_TYPES = Set.of("CARD_KEY", "GAME_POINT_CARD");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI orders;
  private final long productId;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong sequence = new AtomicLong();

  private OrderApi(HttpClient http, URI orders, long productId) {
    this.http = http;
    this.orders = orders;
    this.productId = productId;
  }

  /**
   * Waits until the catalogue lists a card-key product whose only field is the delivery contact
   * (the deployment and the demo data take a while after the server starts); the client orders that
   * product.
   */
  static OrderApi awaitCardKeyProduct(String baseUrl, Duration patience)
      throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI products = URI.create(baseUrl + "/shop/api/v1/products");
    Instant giveUp = Instant.now().plus(patience);
    String lastAnswer = "no answer";
    while (Instant.now().isBefore(giveUp)) {
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(products).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        lastAnswer = "HTTP " + answer.statusCode();
        if (answer.statusCode() == 200) {
          Optional<Long> found = cardKeyProduct(answer.body());
          if (found.isPresent()) {
            return new OrderApi(http, URI.create(baseUrl + "/shop/api/v1/orders"), found.get());
          }
          lastAnswer = "no card-key product in " + abbreviated(answer.body());
        }
      } catch (IOException e) {
        lastAnswer = e.toString();
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "The catalogue did not list a card-key product within " + patience + ": " + lastAnswer);
  }

  long productId() {
    return productId;
  }

  private static Optional<Long> cardKeyProduct(String catalogue) {
    try (JsonReader reader = Json.createReader(new StringReader(catalogue))) {
      return reader.readObject().getJsonArray("products").getValuesAs(JsonObject.class).stream()
          .filter(product -> CARD_KEY_TYPES.contains(product.getString("type")))
          .filter(
              product ->
                  product.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                      .map(field -> field.getString("name"))
                      .toList()
                      .equals(List.of("deliveryContact")))
          .map(product -> product.getJsonNumber("id").longValue())
          .findFirst();
    }
  }

  /** Submits one order; completes normally only when it answered 201 with an order number. */
  CompletableFuture<String> submit() {
    return http.sendAsync(nextOrder(), HttpResponse.BodyHandlers.ofString())
        .thenApply(OrderApi::orderNo);
  }

  /** An order as its buyer knows it after placing it: what paying it takes. */
  record Placed(String orderNo, String accessToken, String amount) {}

  /** Places one order and sends its buyer to pay: one payment attempt, {@code <orderNo>P1}. */
  Placed placeAndStartPayment() throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(nextOrder(), HttpResponse.BodyHandlers.ofString());
    orderNo(answer);
    Placed placed;
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      JsonObject order = reader.readObject();
      placed =
          new Placed(
              order.getString("orderNo"),
              order.getString("accessToken"),
              order.getString("amount"));
    }
    HttpResponse<String> payment =
        http.send(
            HttpRequest.newBuilder(URI.create(orders + "/" + placed.orderNo() + "/payments"))
                .timeout(TIMEOUT)
                .header("Order-Token", placed.accessToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (payment.statusCode() != 201) {
      throw new NotCreated(
          "payment: HTTP " + payment.statusCode() + " " + abbreviated(payment.body()));
    }
    return placed;
  }

  /**
   * Whether the buyer sees the order's card keys yet ({@code GET /orders/{no}} with its token);
   * throws unless it answered 200.
   */
  boolean keysDelivered(Placed placed) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(orders + "/" + placed.orderNo()))
                .timeout(TIMEOUT)
                .header("Order-Token", placed.accessToken())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new NotCreated(
          "GET order: HTTP " + answer.statusCode() + " " + abbreviated(answer.body()));
    }
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      return !reader.readObject().getJsonArray("cardKeys").isEmpty();
    }
  }

  /** Submits one order and waits for the answer; throws unless it answered 201. */
  String submitAndWait() throws IOException, InterruptedException {
    return orderNo(http.send(nextOrder(), HttpResponse.BodyHandlers.ofString()));
  }

  private HttpRequest nextOrder() {
    String contact = "b" + run + "-" + sequence.incrementAndGet() + "@example.com";
    String body =
        "{\"productId\": "
            + productId
            + ", \"quantity\": 1, \"input\": {\"deliveryContact\": \""
            + contact
            + "\"}}";
    return HttpRequest.newBuilder(orders)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String orderNo(HttpResponse<String> answer) {
    if (answer.statusCode() != 201) {
      throw new NotCreated("HTTP " + answer.statusCode() + " " + abbreviated(answer.body()));
    }
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      if (reader.readObject().get("orderNo") instanceof JsonString orderNo) {
        return orderNo.getString();
      }
    }
    throw new NotCreated("201 without an orderNo: " + abbreviated(answer.body()));
  }

  static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** A POST that did not create an order or a payment attempt. */
  static final class NotCreated extends RuntimeException {
    NotCreated(String message) {
      super(message);
    }
  }
}
