package io.kameng.it.stock;

import static io.kameng.it.ShopApi.json;
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
import io.kameng.it.payment.Paying;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Card keys over the real server and MariaDB: an import checked row by row and stored whole or not
 * at all, keys sealed at rest; paid orders take keys exactly once under concurrency, the rest wait
 * for a restock and are served first, oldest first; the buyer sees their key with the token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardKeysIT {

  private static final String PASSWORD = "correct-horse-battery";

  private final ShopApi shop = new ShopApi("zh-CN");

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

  @Test
  void anImportIsCheckedRowByRowAndStoredWholeOrNotAtAll() {
    long product = TestData.product("stocked-card", true);
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    String file =
        String.join(
            "\n",
            "code",
            "A" + tag + "-0001",
            "",
            "B" + tag + "-0002",
            "x",
            "A" + tag + "-0001",
            "C" + tag + "-0003,extra",
            "D" + tag + "-0004");

    assertThat(importKeys(product, file, false))
        .isEqualTo(
            "stored=false rows=7 accepted=0 rejected=3:****:EMPTY,5:****:MALFORMED,"
                + "6:****0001:DUPLICATE_IN_FILE,7:****0003:MALFORMED");
    assertThat(cardKeys(product, "A" + tag)).isEqualTo("available=0 issued=0 orders=0 readable=0");

    assertThat(importKeys(product, file, true)).startsWith("stored=true rows=7 accepted=3 ");
    assertThat(cardKeys(product, "A" + tag))
        .as("three keys, none readable at rest")
        .isEqualTo("available=3 issued=0 orders=0 readable=0");

    assertThat(importKeys(product, "D" + tag + "-0004\nE" + tag + "-0005", false))
        .isEqualTo("stored=false rows=2 accepted=0 rejected=1:****0004:DUPLICATE_IN_STOCK");
    assertThat(
            FixtureClient.create(
                "orders",
                Map.of(
                    "action", "importKeys",
                    "productId", Long.toString(TestData.product("game", true)),
                    "csv", "KEY-0001")))
        .isEqualTo("refused:stock.notCardKeyProduct");
  }

  @Test
  void aThousandPaidOrdersTakeFiveHundredKeysEachOnceAndTheRestAreServedInOrderAfterARestock()
      throws Exception {
    long product = TestData.product("stocked-card", true);
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    assertThat(importKeys(product, keys(tag + "A", 500), false)).startsWith("stored=true");
    List<Placed> orders = placeAndPay(product, 1_000);

    dispatchConcurrently(product, 8);

    assertThat(cardKeys(product, tag)).isEqualTo("available=0 issued=500 orders=500 readable=0");
    assertThat(orderStates(product)).isEqualTo("COMPLETED/-:500,FULFILLING/OUT_OF_STOCK:500");
    List<String> waiting = orderNos(product, "FULFILLING");
    Placed completed =
        orders.stream().filter(o -> !waiting.contains(o.orderNo())).findFirst().orElseThrow();
    JsonObject delivered = follow(completed);
    assertThat(delivered.getString("state")).isEqualTo("COMPLETED");
    assertThat(delivered.getJsonArray("cardKeys").getString(0)).startsWith(tag + "A-");
    Placed stillWaiting =
        orders.stream().filter(o -> o.orderNo().equals(waiting.get(0))).findFirst().orElseThrow();
    JsonObject waits = follow(stillWaiting);
    assertThat(waits.getString("stuckReasonText")).isEqualTo("暂时缺货，等待补货");
    assertThat(waits.getString("ownerText")).isEqualTo("卡密库存（等待补货）");
    assertThat(waits.getJsonArray("cardKeys")).isEmpty();

    assertThat(json(shop.get("/products/" + product)).getBoolean("soldOut")).isTrue();
    HttpResponse<String> refused =
        shop.postJson(
            "/orders",
            "{\"productId\": %d, \"input\": {\"deliveryContact\": \"late@example.com\"}}"
                .formatted(product));
    assertThat(refused.statusCode()).as("off sale while sold out").isEqualTo(422);
    assertThat(refused.body()).contains("notOnSale");

    assertThat(importKeys(product, keys(tag + "B", 200), false)).startsWith("stored=true");
    assertThat(json(shop.get("/products/" + product)).getBoolean("soldOut")).isFalse();
    // Served by this test's dispatcher or the server's own scan, whichever comes first.
    List<String> servedAfterRestock = new ArrayList<>();
    java.time.Instant patience = java.time.Instant.now().plusSeconds(30);
    while (servedAfterRestock.size() < 200 && java.time.Instant.now().isBefore(patience)) {
      dispatch();
      servedAfterRestock = new ArrayList<>(waiting);
      servedAfterRestock.retainAll(orderNos(product, "COMPLETED"));
    }
    assertThat(servedAfterRestock)
        .as("the orders that waited longest first")
        .isEqualTo(waiting.subList(0, 200));

    assertThat(importKeys(product, keys(tag + "C", 300), false)).startsWith("stored=true");
    dispatchConcurrently(product, 4);
    Instant giveUp = Instant.now().plusSeconds(60);
    while (!orderStates(product).equals("COMPLETED/-:1000") && Instant.now().isBefore(giveUp)) {
      dispatch(); // the waiting orders a concurrent scan held when the dispatchers looked
      Thread.sleep(100);
    }
    assertThat(orderStates(product)).isEqualTo("COMPLETED/-:1000");
    assertThat(cardKeys(product, tag)).isEqualTo("available=0 issued=1000 orders=1000 readable=0");
  }

  @Test
  void aPaidCardKeyOrderGetsItsKeyRightAfterThePaymentNotAtTheNextScan() throws Exception {
    long product = TestData.product("stocked-card", true);
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    assertThat(importKeys(product, keys(tag, 1), false)).startsWith("stored=true");
    Paying.Placed order = Paying.place(product, 1);

    Paying.pay(Paying.startPayment(order));

    JsonObject view = Paying.awaitState(order, "COMPLETED");
    assertThat(view.getJsonArray("cardKeys").getString(0)).isEqualTo(tag + "-00001");
    Map<String, java.time.Instant> at = new java.util.HashMap<>();
    view.getJsonArray("timeline")
        .getValuesAs(JsonObject.class)
        .forEach(e -> at.put(e.getString("event"), java.time.Instant.parse(e.getString("at"))));
    assertThat(java.time.Duration.between(at.get("PAID"), at.get("COMPLETED")))
        .as("delivered after the payment committed, not at the dispatch scan (every 15 s)")
        .isLessThan(java.time.Duration.ofSeconds(3));
  }

  @Test
  void anOrderForMoreKeysThanThereAreGetsWhatThereIsAndTheRestRefundedWhenTheProductAllowsIt()
      throws Exception {
    long product = TestData.product("stocked-card", true);
    FixtureClient.create(
        "orders", Map.of("action", "allowPartialDelivery", "productId", Long.toString(product)));
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    assertThat(importKeys(product, keys(tag, 3), false)).startsWith("stored=true");
    Paying.Placed order = Paying.place(product, 5);
    Paying.pay(Paying.startPayment(order));
    Paying.awaitState(order, "COMPLETED"); // dispatched right after the payment
    // The refund of the undelivered part, at the gateway: asked for here, or by the server's own
    // scan when it holds the refund at that moment (the fixture then finds nothing due).
    Paying.await(
        () -> {
          FixtureClient.create("orders", Map.of("action", "refund"));
          return Paying.events(Paying.follow(order)).contains("PAYMENT_REFUNDED");
        });

    JsonObject view = Paying.follow(order);
    assertThat(view.getString("state")).isEqualTo("COMPLETED");
    assertThat(view.getJsonArray("cardKeys")).hasSize(3);
    assertThat(view.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + ":" + e.getString("reason", ""))
        .contains("DELIVERED_IN_PART:3/5", "PART_REFUND_REQUESTED:96.00", "PAYMENT_REFUNDED:96.00");
    assertThat(view.getJsonArray("refunds").getJsonObject(0).getString("reasonText"))
        .isEqualTo("未交付的部分");
    assertThat(
            json(Paying.sandbox("GET", "/api/gateway/trades/" + order.reference(1), null))
                .getString("refunded"))
        .isEqualTo("96.00");
  }

  @Test
  void anAdminSeesTheStockAndImportsKeysOnTheConsoleAndAReviewerIsTurnedAway() {
    long product = TestData.product("stocked-card", true);
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    String admin = TestAccounts.create("admin", Role.ADMIN, PASSWORD);
    ConsoleBrowser console =
        new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), null);
    ConsoleBrowser.Page home = console.signIn("admin", admin, PASSWORD);
    assertThat(home.body())
        .as("the home page warns of low stock")
        .containsPattern("[1-9][0-9]* 个卡密商品库存不足或已售罄");
    ConsoleBrowser.Page page = console.get("/admin/stock/levels.xhtml");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("库存卡密", "data-product=\"" + product + "\">0<", "库存不足");

    ConsoleBrowser.Page refused =
        console.postMultipart(
            page, "/admin/stock/levels.xhtml", importForm(product, tag, false), "import:file");
    String report = refused.body().substring(refused.body().indexOf("id=\"report\""));
    assertThat(report)
        .as("the report masks the keys (the form keeps what was pasted, to fix it)")
        .contains("未导入：3 行中有 1 行被拒", "文件内重复", "****0001")
        .doesNotContain(tag + "-0001");
    ConsoleBrowser.Page stored =
        console.postMultipart(
            refused, "/admin/stock/levels.xhtml", importForm(product, tag, true), "import:file");
    assertThat(stored.body())
        .contains("共 3 行，已导入 2 个；1 行被拒", "data-product=\"" + product + "\">2<");

    String reviewer = TestAccounts.create("reviewer", Role.REVIEWER, PASSWORD);
    ConsoleBrowser reviewerConsole =
        new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), null);
    reviewerConsole.signIn("admin", reviewer, PASSWORD);
    assertThat(reviewerConsole.get("/admin/stock/levels.xhtml").status()).isEqualTo(403);
  }

  private static Map<String, String> importForm(long product, String tag, boolean acceptValid) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("import", "import");
    form.put("import:product", Long.toString(product));
    form.put("import:keys", tag + "-0001\n" + tag + "-0002\n" + tag + "-0001");
    if (acceptValid) {
      form.put("import:acceptValid", "on");
    }
    form.put("import:submit", "submit");
    return form;
  }

  record Placed(String orderNo, String token) {}

  private List<Placed> placeAndPay(long product, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Placed>> placed = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int buyer = i;
        placed.add(
            pool.submit(
                () -> {
                  HttpResponse<String> response =
                      shop.postJson(
                          "/orders",
                          "{\"productId\": %d, \"input\": {\"deliveryContact\": \"k%d@example.com\"}}"
                              .formatted(product, buyer));
                  assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                  Placed order =
                      new Placed(
                          json(response).getString("orderNo"),
                          json(response).getString("accessToken"));
                  FixtureClient.create(
                      "orders",
                      Map.of("action", "drive", "orderNo", order.orderNo(), "step", "pay"));
                  return order;
                }));
      }
      List<Placed> orders = new ArrayList<>();
      for (Future<Placed> order : placed) {
        orders.add(order.get());
      }
      return orders;
    } finally {
      pool.shutdown();
    }
  }

  private static void dispatchConcurrently(long product, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running =
          IntStream.range(0, threads)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            while (dispatch() > 0) {
                              // until nothing is due for this dispatcher
                            }
                          }))
              .collect(Collectors.toList());
      for (Future<?> dispatcher : running) {
        dispatcher.get();
      }
    } finally {
      pool.shutdown();
    }
    // And whatever the others skipped while they held it: a dispatcher that finds every due order
    // claimed by another (the server's own scan) answers 0 although orders are still paid.
    Instant giveUp = Instant.now().plusSeconds(60);
    while (dispatch() > 0 || !paidOrdersOf(product).isEmpty()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("Paid orders left undispatched: " + paidOrdersOf(product));
      }
      Thread.sleep(100);
    }
  }

  private static String paidOrdersOf(long product) {
    return FixtureClient.create(
        "orders",
        Map.of("action", "orderNos", "productId", Long.toString(product), "state", "PAID"));
  }

  private JsonObject follow(Placed order) {
    return json(shop.get("/orders/" + order.orderNo(), "Order-Token", order.token()));
  }

  private static String keys(String prefix, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> prefix + "-" + String.format("%05d", i))
        .collect(Collectors.joining("\n"));
  }

  private static int dispatch() {
    return Integer.parseInt(FixtureClient.create("orders", Map.of("action", "dispatch")));
  }

  private static String importKeys(long product, String csv, boolean acceptValidRows) {
    return FixtureClient.create(
        "orders",
        Map.of(
            "action",
            "importKeys",
            "productId",
            Long.toString(product),
            "csv",
            csv,
            "acceptValidRows",
            Boolean.toString(acceptValidRows)));
  }

  private static String cardKeys(long product, String plain) {
    return FixtureClient.create(
        "orders",
        Map.of("action", "cardKeys", "productId", Long.toString(product), "plain", plain));
  }

  private static String orderStates(long product) {
    return FixtureClient.create(
        "orders", Map.of("action", "orderStates", "productId", Long.toString(product)));
  }

  private static List<String> orderNos(long product, String state) {
    String nos =
        FixtureClient.create(
            "orders",
            Map.of("action", "orderNos", "productId", Long.toString(product), "state", state));
    return nos.isEmpty() ? List.of() : Arrays.asList(nos.split(","));
  }
}
