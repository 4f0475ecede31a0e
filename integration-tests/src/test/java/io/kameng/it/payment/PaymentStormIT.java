package io.kameng.it.payment;

import static io.kameng.it.ShopApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.GatewayBills;
import io.kameng.it.KamengDeployment;
import io.kameng.it.SandboxApi;
import io.kameng.it.ShopApi;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A storm: a few hundred orders paid through the sandbox with random faults (lost, repeated, forged
 * and mismatched notices, double payments, buyers who give up or never pay), time moved on through
 * the queries, refunds and the unpaid expiry; then the invariants over the database and the
 * gateway's own statement. It prints what it checked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentStormIT {

  enum Scenario {
    PAID,
    LOST_NOTICE,
    REPEATED_NOTICE,
    FORGED_NOTICE,
    WRONG_AMOUNT,
    PAID_TWICE,
    GAVE_UP,
    NEVER_PAID
  }

  record Storm(String orderNo, String token, Scenario scenario) {}

  private static final int ORDERS = 240;
  private final ShopApi shop = new ShopApi("zh-CN");
  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class, TestOrders.class, TestFixtures.class, ShopApi.class, TestData.class);
  }

  @Test
  void everyOrderEndsPaidOnceOrCancelledAndTheMoneyAddsUp() throws Exception {
    long card = TestData.product("card", true);
    Random random = new Random(20261122L);
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      scenarios.add(Scenario.values()[random.nextInt(Scenario.values().length)]);
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Storm>> running = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      int buyer = i;
      Scenario scenario = scenarios.get(i);
      running.add(pool.submit(() -> play(card, buyer, scenario)));
    }
    List<Storm> storms = new ArrayList<>();
    for (Future<Storm> storm : running) {
      storms.add(storm.get());
    }
    pool.shutdown();

    advance(61);
    drain("queryPayments");
    drain("refund");
    advance(16 * 60);
    drain("expire");
    drain("queryPayments");
    drain("refund");

    Map<Scenario, Integer> played = new EnumMap<>(Scenario.class);
    storms.forEach(s -> played.merge(s.scenario(), 1, Integer::sum));
    for (Storm storm : storms) {
      String state =
          json(shop.get("/orders/" + storm.orderNo(), "Order-Token", storm.token()))
              .getString("state");
      String expected =
          storm.scenario() == Scenario.GAVE_UP || storm.scenario() == Scenario.NEVER_PAID
              ? "CANCELLED"
              : "FULFILLING"; // paid, checked and offered to the merchants' grab pool
      assertThat(state).as(storm.scenario() + " " + storm.orderNo()).isEqualTo(expected);
    }

    Map<String, String> invariants = invariants(card);
    BigDecimal received = new BigDecimal(invariants.get("received"));
    BigDecimal kept = new BigDecimal(invariants.get("kept"));
    BigDecimal refunded = new BigDecimal(invariants.get("refunded"));
    BigDecimal[] gateway = gatewayTotals(storms);

    System.out.println("Payment storm: " + ORDERS + " orders, scenarios " + played);
    System.out.println("  orders per state:            " + invariants.get("states"));
    System.out.println("  orders paid twice:           " + invariants.get("paidTwice"));
    System.out.println("  money received (attempts):   " + received);
    System.out.println("  money kept for fulfilment:   " + kept);
    System.out.println("  money refunded:              " + refunded);
    System.out.println("  refunds not yet confirmed:   " + invariants.get("toRefund"));
    System.out.println("  gateway statement: paid " + gateway[0] + ", refunded " + gateway[1]);
    System.out.println(
        "  open orders without owner or deadline: " + invariants.get("openWithoutOwnerOrDeadline"));

    assertThat(invariants.get("paidTwice")).isEqualTo("0");
    assertThat(received).isEqualByComparingTo(kept.add(refunded));
    assertThat(invariants.get("toRefund")).isEqualTo("0");
    assertThat(invariants.get("openWithoutOwnerOrDeadline")).isEqualTo("0");
    assertThat(gateway[0]).as("what the gateway took").isEqualByComparingTo(received);
    assertThat(gateway[1]).as("what the gateway gave back").isEqualByComparingTo(refunded);
    assertThat(refunded)
        .isEqualByComparingTo(
            new BigDecimal("48.00")
                .multiply(BigDecimal.valueOf(played.getOrDefault(Scenario.PAID_TWICE, 0))));
  }

  private Storm play(long card, int buyer, Scenario scenario) throws Exception {
    HttpResponse<String> placed =
        shop.postJson(
            "/orders",
            "{\"productId\": %d, \"input\": {\"deliveryContact\": \"storm%d@example.com\"}}"
                .formatted(card, buyer));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    Storm storm =
        new Storm(
            json(placed).getString("orderNo"), json(placed).getString("accessToken"), scenario);
    String reference = storm.orderNo() + "P1";
    String payUrl = startPayment(storm);
    switch (scenario) {
      case PAID -> pay(payUrl, "pay");
      case LOST_NOTICE -> faultThenPay(reference, "DROP", 1, payUrl);
      case REPEATED_NOTICE -> faultThenPay(reference, "DUPLICATE", 5, payUrl);
      case FORGED_NOTICE -> faultThenPay(reference, "BAD_SIGNATURE", 1, payUrl);
      case WRONG_AMOUNT -> faultThenPay(reference, "WRONG_AMOUNT", 1, payUrl);
      case PAID_TWICE -> {
        String second = startPayment(storm);
        pay(payUrl, "pay");
        pay(second, "pay");
      }
      case GAVE_UP -> pay(payUrl, "fail");
      case NEVER_PAID -> {}
    }
    return storm;
  }

  private void faultThenPay(String reference, String notice, int copies, String payUrl)
      throws Exception {
    HttpResponse<String> injected =
        SandboxApi.send(
            "POST",
            "/api/gateway/faults",
            "{\"scope\": \"%s\", \"notice\": \"%s\", \"copies\": %d}"
                .formatted(reference, notice, copies));
    assertThat(injected.statusCode()).isEqualTo(204);
    pay(payUrl, "pay");
  }

  private String startPayment(Storm storm) {
    HttpResponse<String> started =
        shop.postJson("/orders/" + storm.orderNo() + "/payments", "", "Order-Token", storm.token());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return json(started).getString("payUrl");
  }

  private void pay(String payUrl, String action) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create(payUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("action=" + action))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** Runs a fixture scan until nothing is due, then once more after the notices settled. */
  private static void drain(String action) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Integer.parseInt(FixtureClient.create("orders", Map.of("action", action))) > 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
  }

  private static void advance(int seconds) {
    FixtureClient.create(
        "orders", Map.of("action", "advance", "seconds", Integer.toString(seconds)));
  }

  private static Map<String, String> invariants(long product) {
    Map<String, String> invariants = new LinkedHashMap<>();
    FixtureClient.create(
            "orders", Map.of("action", "invariants", "productId", Long.toString(product)))
        .lines()
        .forEach(
            line ->
                invariants.put(
                    line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
    return invariants;
  }

  /** What the gateway's bills (today and yesterday, China time) say was paid and refunded. */
  private BigDecimal[] gatewayTotals(List<Storm> storms) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    List<String> ours = storms.stream().map(Storm::orderNo).toList();
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal refunded = BigDecimal.ZERO;
    for (GatewayBills.Bill bill : GatewayBills.of(today.minusDays(1), today)) {
      for (GatewayBills.Row row : bill.rows()) {
        if (ours.stream().noneMatch(row.outTradeNo()::startsWith)) {
          continue;
        }
        BigDecimal amount = new BigDecimal(row.received());
        if (row.payment()) {
          paid = paid.add(amount);
        } else {
          refunded = refunded.add(amount.negate());
        }
      }
    }
    return Stream.of(paid, refunded).toArray(BigDecimal[]::new);
  }
}
