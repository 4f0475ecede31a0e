package io.kameng.it.supply;

import static io.kameng.it.ShopApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.ConsoleBrowser;
import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.SandboxApi;
import io.kameng.it.ShopApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.payment.Paying;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Top-ups through the sandbox supplier over real HTTP: a paid order is recharged and completed by
 * the supplier's signed result; a lost result is found by the query; a supplier that is down or
 * times out hands the order to the platform's exception pool (never a stall), and a recharge the
 * supplier made after the platform gave up still completes the order, recharged once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(
    MethodOrderer.OrderAnnotation.class) // the failing supplier last: its circuit opens
class SupplyIT {

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
  void heal() throws Exception {
    SandboxApi.send("DELETE", "/api/supplier/faults", null);
  }

  @Test
  @Order(1)
  void aPaidTopUpIsRechargedAndCompletedByTheSuppliersSignedResult() throws Exception {
    String mobile = mobile();
    Paying.Placed order = paidTopUp(mobile);

    JsonObject done = Paying.awaitState(order, "COMPLETED");
    assertThat(done.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + "/" + e.getString("actor"))
        .contains("FULFILMENT_STARTED/卡盟平台", "COMPLETED/供货商");
    JsonObject recharge = recharge(order.orderNo() + "S1");
    assertThat(recharge.getString("account")).isEqualTo(mobile);
    assertThat(recharge.getString("amount")).isEqualTo("100.00");
    assertThat(recharge.getString("status")).isEqualTo("SUCCESS");
  }

  @Test
  @Order(2)
  void aLostResultIsFoundByTheQuery() throws Exception {
    String mobile = mobile();
    fault(mobile, "CALLBACK_LOST", 0);
    Paying.Placed order = paidTopUp(mobile);

    JsonObject waiting = Paying.awaitState(order, "FULFILLING");
    assertThat(waiting.getString("owner")).isEqualTo("SUPPLIER");
    Paying.advance(61);
    while (querySuppliers() > 0) {
      // every due recharge
    }

    assertThat(Paying.follow(order).getString("state")).isEqualTo("COMPLETED");
  }

  @Test
  @Order(8)
  void whenTheSupplierIsDownTheOrderGoesToTheExceptionPoolAndAdminsSeeTheCircuitOpen()
      throws Exception {
    String password = "admin-secret-1";
    String admin = TestAccounts.create("admin", Role.ADMIN, password);
    String reviewer = TestAccounts.create("reviewer", Role.REVIEWER, password);
    ConsoleBrowser adminBrowser =
        new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), "zh-CN");
    adminBrowser.signIn("admin", admin, password);
    double fallbacksBefore = fallbacksApplied();
    String mobile = mobile();
    fault(mobile, "DOWN", 0);
    Paying.Placed order = paidTopUp(mobile);

    Paying.await(() -> "SUPPLIER".equals(Paying.follow(order).getString("stuckReason", "")));
    ConsoleBrowser.Page circuits = adminBrowser.get("/admin/suppliers/circuits.xhtml");
    JsonObject pooled = Paying.follow(order);
    assertThat(pooled.getString("state")).isEqualTo("FULFILLING");
    assertThat(pooled.getString("owner")).as("the exception pool").isEqualTo("PLATFORM");
    assertThat(pooled.getString("stuckReasonText")).isNotBlank();
    assertThat(pooled.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .endsWith("FULFILMENT_STARTED", "HANDED_TO_PLATFORM");
    assertThat(rechargeStatus(order.orderNo() + "S1")).as("nothing recharged").isEqualTo(404);
    assertThat(fallbacksApplied())
        .as("the recharge call's @Fallback answered after its retries")
        .isGreaterThan(fallbacksBefore);

    // Three failed tries in the last four calls: the circuit is open, for 10 s.
    assertThat(circuits.status()).isEqualTo(200);
    assertThat(circuits.body())
        .containsPattern(
            "data-provider=\"sandbox\">\\s*<td><code>sandbox</code></td>\\s*"
                + "<td class=\"circuit circuit-OPEN\">打开（拒绝调用）</td>")
        .contains("熔断器（本服务器）")
        .as("each top-up product's route, the server's order by default")
        .contains("id=\"supply-routes\"", "本服务器的默认顺序：sandbox");
    ConsoleBrowser reviewerBrowser =
        new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), "zh-CN");
    reviewerBrowser.signIn("admin", reviewer, password);
    assertThat(reviewerBrowser.get("/admin/suppliers/circuits.xhtml").status()).isEqualTo(403);
  }

  @Test
  @Order(3)
  void aSlowSupplierKeepsTheOrderUntilItsResultComesAndRechargesOnce() throws Exception {
    String mobile = mobile();
    fault(mobile, "SLOW", 4);
    Paying.Placed order = paidTopUp(mobile);

    JsonObject waiting = Paying.awaitState(order, "FULFILLING");
    assertThat(waiting.getString("owner")).isEqualTo("SUPPLIER");
    assertThat(waiting.getString("ownerText")).isEqualTo("充值供货商");
    assertThat(recharge(order.orderNo() + "S1").getString("status")).isEqualTo("PROCESSING");

    JsonObject done = Paying.awaitState(order, "COMPLETED");
    assertThat(done.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .doesNotContain("HANDED_TO_PLATFORM", "SUPPLIER_CHANGED");
    assertThat(recharge(order.orderNo() + "S1").getString("status")).isEqualTo("SUCCESS");
    assertThat(rechargeStatus(order.orderNo() + "S2")).as("asked once").isEqualTo(404);
  }

  @Test
  @Order(7)
  void aRechargeMadeAfterThePlatformGaveUpCompletesTheOrderOnce() throws Exception {
    String mobile = mobile();
    fault(mobile, "TIMEOUT", 4);
    Paying.Placed order = paidTopUp(mobile);

    JsonObject done = Paying.awaitState(order, "COMPLETED");

    assertThat(done.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .contains("HANDED_TO_PLATFORM", "COMPLETED");
    assertThat(recharge(order.orderNo() + "S1").getString("status")).isEqualTo("SUCCESS");
    assertThat(rechargeStatus(order.orderNo() + "S2")).as("no second recharge").isEqualTo(404);
  }

  @Test
  @Order(4)
  void aForgedResultChangesNothing() throws Exception {
    String mobile = mobile();
    fault(mobile, "CALLBACK_LOST", 0);
    Paying.Placed order = paidTopUp(mobile);
    Paying.awaitState(order, "FULFILLING");

    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ShopApi.base() + "/suppliers/notify/sandbox"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "request_id=%sS1&supplier_order_no=X&amount=100.00&status=SUCCESS&sign=Zm9yZ2Vk"
                                .formatted(order.orderNo())))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(forged.body()).isEqualTo("failure");
    assertThat(Paying.follow(order).getString("state")).isEqualTo("FULFILLING");
  }

  @Test
  @Order(5)
  void aResultForAnotherAmountGoesToAPersonNotToTheBuyer() throws Exception {
    String mobile = mobile();
    fault(mobile, "WRONG_RESULT", 0);
    Paying.Placed order = paidTopUp(mobile);

    Paying.await(() -> "SUPPLIER".equals(Paying.follow(order).getString("stuckReason", "")));
    JsonObject pooled = Paying.follow(order);
    assertThat(pooled.getString("state")).as("not completed").isEqualTo("FULFILLING");
    assertThat(pooled.getString("owner")).isEqualTo("PLATFORM");
    assertThat(pooled.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .endsWith("FULFILMENT_STARTED", "HANDED_TO_PLATFORM");
  }

  @Test
  @Order(6)
  void aRechargeTheSupplierCannotMakeGoesToThePlatformWhenNoOtherSupplierIsLeft() throws Exception {
    Paying.Placed order =
        Paying.place(
            TestData.product("game-supplier", true),
            1,
            "{\"gameAccount\": \"1999%s\", \"gameServer\": \"天空岛\", \"roleId\": \"42\"}"
                .formatted(mobile().substring(4))); // an account the supplier does not know
    Paying.pay(Paying.startPayment(order));

    Paying.await(() -> "SUPPLIER".equals(Paying.follow(order).getString("stuckReason", "")));
    assertThat(Paying.follow(order).getString("owner")).isEqualTo("PLATFORM");
    assertThat(recharge(order.orderNo() + "S1").getString("failReason"))
        .isEqualTo("ACCOUNT_NOT_FOUND");
  }

  @Test
  @Order(9)
  void aProductWithTheMerchantFallbackGoesToTheGrabPoolWhenNoSupplierCanTakeIt() throws Exception {
    String mobile = mobile();
    fault(mobile, "DOWN", 0);
    long product = TestData.product("phone", true);
    assertThat(route(product, "no-such-supplier,sandbox", true))
        .as("only suppliers the server has")
        .isEqualTo("refused:supply.unknownSupplier");
    assertThat(route(product, "sandbox", true)).isEqualTo("ok");
    Paying.Placed order = Paying.place(product, 1, "{\"mobileNumber\": \"%s\"}".formatted(mobile));
    Paying.pay(Paying.startPayment(order));

    Paying.await(() -> Paying.events(Paying.follow(order)).contains("OFFERED_TO_POOL"));
    JsonObject pooled = Paying.follow(order);
    assertThat(pooled.getString("state")).isEqualTo("FULFILLING");
    assertThat(pooled.getString("owner")).as("the merchants' grab pool").isEqualTo("MERCHANT");
    assertThat(pooled.containsKey("stuckReason")).isFalse();
    assertThat(Paying.events(pooled)).doesNotContain("HANDED_TO_PLATFORM");
    assertThat(rechargeStatus(order.orderNo() + "S1")).as("nothing recharged").isEqualTo(404);
  }

  @Test
  @Order(10)
  void whenTheFirstSupplierIsDownTheSecondOfTheProductsChainRechargesIt() throws Exception {
    String mobile = mobile();
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/supplier/faults",
                    "{\"scope\": \"%s\", \"fault\": \"DOWN\", \"line\": \"main\"}"
                        .formatted(mobile))
                .statusCode())
        .isEqualTo(204);
    long product = TestData.product("phone", true);
    assertThat(route(product, "sandbox,sandbox-backup", false)).isEqualTo("ok");
    Paying.Placed order = Paying.place(product, 1, "{\"mobileNumber\": \"%s\"}".formatted(mobile));
    Paying.pay(Paying.startPayment(order));

    JsonObject done = Paying.awaitState(order, "COMPLETED");
    assertThat(done.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + "/" + e.getString("actor"))
        .contains("FULFILMENT_STARTED/卡盟平台", "COMPLETED/供货商")
        .noneMatch(e -> e.startsWith("HANDED_TO_PLATFORM") || e.startsWith("OFFERED_TO_POOL"));
    assertThat(rechargeStatus(order.orderNo() + "S1"))
        .as("the first supplier made nothing")
        .isEqualTo(404);
    JsonObject second = recharge(order.orderNo() + "S2");
    assertThat(second.getString("status")).isEqualTo("SUCCESS");
    assertThat(second.getString("supplierOrderNo")).as("the backup line").startsWith("BAK");
  }

  @Test
  @Order(11)
  void anAdminRoutesAProductsFailuresOnTheSuppliersPage() throws Exception {
    long product = TestData.product("phone", true);
    String password = "admin-secret-2";
    String admin = TestAccounts.create("admin", Role.ADMIN, password);
    ConsoleBrowser console =
        new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), "zh-CN");
    console.signIn("admin", admin, password);
    ConsoleBrowser.Page page = console.get("/admin/suppliers/circuits.xhtml");

    ConsoleBrowser.Page refused =
        console.post(
            page,
            "/admin/suppliers/circuits.xhtml",
            routeForm(page, product, "sandbox-backup,nope"));
    assertThat(refused.body()).contains("本服务器没有该名称的供货商");
    ConsoleBrowser.Page saved =
        console.post(
            refused,
            "/admin/suppliers/circuits.xhtml",
            routeForm(refused, product, "sandbox-backup, sandbox"));
    assertThat(saved.body()).contains("商品 " + product + " 的路由已保存");
    String row = saved.body().substring(saved.body().indexOf("data-product=\"" + product + "\""));
    assertThat(row).contains("value=\"sandbox-backup,sandbox\"").contains("checked");
  }

  /** The route form of the product's row, filled in, the merchant pool ticked. */
  private static Map<String, String> routeForm(
      ConsoleBrowser.Page page, long product, String chain) {
    String row = page.body().substring(page.body().indexOf("data-product=\"" + product + "\""));
    Matcher form = Pattern.compile("name=\"([^\"]+:route)\"").matcher(row);
    assertThat(form.find()).as("the route form of product " + product).isTrue();
    String id = form.group(1);
    return Map.of(
        id, id, id + ":chain", chain, id + ":merchantFallback", "on", id + ":save", "save");
  }

  /** Routes the product's failures: this chain, then the merchants' grab pool or not. */
  private static String route(long product, String chain, boolean merchantFallback) {
    return FixtureClient.create(
        "orders",
        Map.of(
            "action",
            "routeSupplyFailures",
            "productId",
            Long.toString(product),
            "chain",
            chain,
            "merchantFallback",
            Boolean.toString(merchantFallback)));
  }

  private static Paying.Placed paidTopUp(String mobile) throws Exception {
    Paying.Placed order =
        Paying.place(
            TestData.product("phone", true), 1, "{\"mobileNumber\": \"%s\"}".formatted(mobile));
    Paying.pay(Paying.startPayment(order));
    return order;
  }

  /** A China Mobile number of its own for each test (faults are injected per account). */
  private static String mobile() {
    return "138" + String.format("%08d", System.nanoTime() % 100_000_000L);
  }

  /** The HTTP status of the sandbox supplier's answer about a recharge: 404 when it made none. */
  private static int rechargeStatus(String requestId) throws Exception {
    return SandboxApi.send("GET", "/api/supplier/recharges/" + requestId, null).statusCode();
  }

  private static JsonObject recharge(String requestId) throws Exception {
    return json(SandboxApi.send("GET", "/api/supplier/recharges/" + requestId, null));
  }

  private static void fault(String account, String fault, int seconds) throws Exception {
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/supplier/faults",
                    "{\"scope\": \"%s\", \"fault\": \"%s\", \"seconds\": %d}"
                        .formatted(account, fault, seconds))
                .statusCode())
        .isEqualTo(204);
  }

  /** How often the recharge call's fallback answered on the server (MicroProfile Metrics). */
  private static double fallbacksApplied() throws Exception {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(KamengTestEnvironment.stack().server().httpUrl() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return metrics
        .body()
        .lines()
        .filter(line -> line.startsWith("ft_invocations_total{"))
        .filter(line -> line.contains("fallback=\"applied\""))
        .filter(
            line -> line.contains("method=\"io.kameng.supply.control.SandboxSupplier.recharge\""))
        .filter(line -> line.contains("result=\"valueReturned\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static int querySuppliers() {
    return Integer.parseInt(FixtureClient.create("orders", Map.of("action", "querySuppliers")));
  }
}
