package io.kameng.it.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.SandboxApi;
import io.kameng.it.TestData;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Client-side helpers of the escalation tests: stuck orders, the ladder's fixtures, the clock. */
final class Ladder {

  private Ladder() {}

  /**
   * A paid order (paid at the sandbox gateway) that gets stuck: a card key of a product with no
   * stock, so it waits for a restock (cause OUT_OF_STOCK, 48.00 yuan).
   */
  static Placed stuckOrder() throws Exception {
    return stuckOrder(TestData.product("stocked-card", true));
  }

  static Placed stuckOrder(long product) throws Exception {
    Placed order = Paying.place(product, 1);
    Paying.pay(Paying.startPayment(order));
    Paying.await(() -> Paying.events(Paying.follow(order)).contains("OUT_OF_STOCK"));
    return order;
  }

  /** A new platform card-key product with {@code keys} keys in stock. */
  static long stockedProduct(int keys) {
    long product = TestData.product("stocked-card", true);
    importKeys(product, keys);
    return product;
  }

  /** Stocks {@code keys} new keys for the product (a restock). */
  static void importKeys(long product, int keys) {
    StringBuilder csv = new StringBuilder();
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    for (int i = 0; i < keys; i++) {
      csv.append("D").append(tag).append('-').append(i).append('\n');
    }
    assertThat(
            FixtureClient.create(
                "orders",
                Map.of(
                    "action",
                    "importKeys",
                    "productId",
                    Long.toString(product),
                    "csv",
                    csv.toString(),
                    "acceptValidRows",
                    "false")))
        .startsWith("stored=true");
  }

  static String fixture(String action, Placed order) {
    return FixtureClient.create("ladder", Map.of("action", action, "orderNo", order.orderNo()));
  }

  static String fixture(String action, Map<String, String> more, Placed order) {
    Map<String, String> fields = new java.util.HashMap<>(more);
    fields.put("action", action);
    fields.put("orderNo", order.orderNo());
    return FixtureClient.create("ladder", fields);
  }

  /** Runs the ladder's scans once (every due batch); how many orders were due. */
  static int climb() {
    return Integer.parseInt(FixtureClient.create("ladder", Map.of("action", "climb")));
  }

  /** Runs the refund scan until no refund is due (other tests' orders may be refunded too). */
  static void refundAllDue() {
    while (Paying.refund() > 0) {
      // every due batch
    }
  }

  static int deliverNotices() {
    return Integer.parseInt(FixtureClient.create("ladder", Map.of("action", "deliverNotices")));
  }

  static void resetSettings() {
    FixtureClient.create("ladder", Map.of("action", "resetSettings"));
  }

  /** The platform's time now. */
  static Instant now() {
    return Instant.parse(
        FixtureClient.create("orders", Map.of("action", "advance", "seconds", "0")));
  }

  /** When the order's next ladder step is due. */
  static Instant ladderDue(Placed order) {
    String due = fixture("ladderDue", order);
    return LocalDateTime.parse(due.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }

  /** Moves the platform clock to {@code offsetSeconds} from the order's next ladder step. */
  static void toLadderStep(Placed order, int offsetSeconds) {
    moveTo(ladderDue(order).plusSeconds(offsetSeconds));
  }

  static void moveTo(Instant target) {
    long seconds = Duration.between(now(), target).toSeconds();
    if (seconds > 0) {
      Paying.advance((int) seconds);
    }
  }

  /**
   * Takes a stuck order up the ladder into the exception pool: the delay notice at its deadline,
   * then the exception pool at its own, each awaited (the server's scans may apply them first).
   */
  static void intoThePool(Placed order) {
    toLadderStep(order, 1);
    climb();
    Paying.await(() -> Paying.events(Paying.follow(order)).contains("DELAYED"));
    toLadderStep(order, 1);
    climb();
    Paying.await(() -> ladderOf(order).contains(" pool "));
  }

  /** The order's ladder in one line: state owner stuck step handler level pool/open held/unheld. */
  static String ladderOf(Placed order) {
    return fixture("ladderOf", order);
  }

  static List<String> notices(Placed order) {
    String line = fixture("noticesOf", order);
    return line.isEmpty() ? List.of() : List.of(line.split(","));
  }

  /** What the sandbox storefront received about the order, oldest first. */
  static List<JsonObject> received(Placed order) throws Exception {
    String body =
        SandboxApi.send("GET", "/api/storefront/notices?orderNo=" + order.orderNo(), null).body();
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  /** Whether the storefront's copy carries the platform's signature of its body. */
  static boolean signedByThePlatform(JsonObject received) {
    try {
      return signed(received);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean signed(JsonObject received) throws Exception {
    Path secretFile =
        Path.of(System.getProperty("kameng.it.home")).resolve("secrets/notice-webhook.secret");
    String secret = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(received.getString("body").getBytes(StandardCharsets.UTF_8)));
    return expected.equals(received.getString("signature"));
  }

  static void storefrontFails(int times) throws Exception {
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/storefront/faults",
                    "{\"failNext\": " + times + ", \"status\": 503}")
                .statusCode())
        .isEqualTo(204);
  }

  static String home() {
    return KamengTestEnvironment.stack().server().httpUrl();
  }
}
