package io.kameng.it.escalation;

import static io.kameng.it.escalation.Ladder.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.SandboxApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestLadder;
import io.kameng.it.TestMerchantDesk;
import io.kameng.it.TestMerchantSignIn;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.TestStaffDesk;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A simulated day: about 1,900 orders paid at the sandbox gateway with faults injected — lost
 * payment notices, risk hits (some approved, some rejected, some never reviewed), a grab pool
 * nobody serves, a supplier outage, a stock-out with a late restock, buyers who never correct their
 * input — and then 25 hours on the platform clock, in steps of 2 minutes for the first 5 hours and
 * 30 minutes after, each step running the scans the server runs. Reviewers and admins act on the
 * way as people would. At the end every paid order is completed, refunded, or held by a named
 * person with a future deadline; no ladder step came later than one step after its deadline; money
 * received = fulfilled + refunded + held; vouchers exactly where the compensation rule says. The
 * figures are printed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SimulatedDayIT {

  private static final int STEP = 120;
  private static final String ADMIN = "dutyadmin:ADMIN";
  private static final String REVIEWER = "dutyreviewer:REVIEWER";

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        TestData.class,
        TestLadder.class,
        TestMerchantSignIn.class,
        TestMerchantDesk.class,
        TestStaffDesk.class);
  }

  @AfterEach
  void cleanUp() throws Exception {
    resetSettings();
    SandboxApi.send("DELETE", "/api/supplier/faults", null);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES) // a day of orders, not one request
  void everyPaidOrderEndsFulfilledRefundedOrHeldWithinTheLadder() throws Exception {
    long normal = stockedProduct(700);
    long lostNotices = stockedProduct(250);
    long shortStock = stockedProduct(100);
    long risky = stockedProduct(250);
    long phone = TestData.product("phone", true);
    long grabPool = TestData.product("card", true);
    String merchant = TestAccounts.create("daym", Role.MERCHANT, "merchant-secret-1");
    TestMerchantDesk.act(merchant, "online");
    assertThat(
            FixtureClient.create(
                "orders",
                Map.of(
                    "action",
                    "standing",
                    "merchant",
                    merchant,
                    "standing",
                    "ACTIVE",
                    "limit",
                    "200")))
        .isEqualTo("ok");
    long buyerInput = TestData.merchantProduct("game", merchant);
    assertThat(TestStaffDesk.act(ADMIN, "settings", "s.risk-products", Long.toString(risky)))
        .isEqualTo("risk-products");
    // The supplier is down from the start of the day.
    SandboxApi.send("POST", "/api/supplier/faults", "{\"scope\": \"*\", \"fault\": \"DOWN\"}");

    Map<String, List<Placed>> orders = new LinkedHashMap<>();
    orders.put(
        "normal", pay(normal, 600, i -> "{\"deliveryContact\": \"n" + i + "@day.test\"}", false));
    orders.put(
        "lostNotice",
        pay(lostNotices, 200, i -> "{\"deliveryContact\": \"l" + i + "@day.test\"}", true));
    orders.put(
        "stockOut",
        pay(shortStock, 300, i -> "{\"deliveryContact\": \"s" + i + "@day.test\"}", false));
    orders.put(
        "risky", pay(risky, 200, i -> "{\"deliveryContact\": \"r" + i + "@day.test\"}", false));
    orders.put(
        "supplierOutage",
        pay(
            phone,
            300,
            i ->
                "{\"mobileNumber\": \"139"
                    + String.format("%08d", (System.nanoTime() / 1000 + i) % 100_000_000L)
                    + "\"}",
            false));
    orders.put(
        "nobodyClaims",
        pay(grabPool, 200, i -> "{\"deliveryContact\": \"p" + i + "@day.test\"}", false));
    orders.put(
        "neverCorrected",
        pay(
            buyerInput,
            100,
            i ->
                "{\"gameAccount\": \"ghost"
                    + i
                    + "\", \"gameServer\": \"天空岛\", \"roleId\": \"R"
                    + i
                    + "\"}",
            false));
    int total = orders.values().stream().mapToInt(List::size).sum();
    String products =
        List.of(normal, lostNotices, shortStock, risky, phone, grabPool, buyerInput).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(","));
    // The gateway's notices of 1,900 payments take a while; the lost ones are found by the
    // platform's first payment query, a minute after each payment started.
    Paying.advance(61);
    java.time.Instant paidBy = java.time.Instant.now().plusSeconds(240);
    while (!FixtureClient.create("ladder", Map.of("action", "unpaid", "products", products))
        .equals("0")) {
      assertThat(java.time.Instant.now()).as("every payment confirmed").isBefore(paidBy);
      runScans();
      Thread.sleep(1_000);
    }
    System.out.printf("Simulated day: %d orders paid%n", total);

    // The merchant finds every game account wrong; the buyers never correct them.
    for (Placed order : orders.get("neverCorrected")) {
      awaitMerchantHas(merchant, order);
      TestMerchantDesk.onOrder(merchant, "accept", order.orderNo(), null);
      assertThat(TestMerchantDesk.onOrder(merchant, "report", order.orderNo(), "账号不存在"))
          .isEqualTo("ok");
    }
    // The reviewer approves 80 and rejects 40 of the risky orders; 80 wait too long.
    for (int i = 0; i < 120; i++) {
      String claimed = TestStaffDesk.act(REVIEWER, "reviewClaimNext");
      assertThat(claimed).isNotEqualTo("none");
      assertThat(
              i < 80
                  ? TestStaffDesk.act(REVIEWER, "approve", "orderNo", claimed)
                  : TestStaffDesk.act(
                      REVIEWER, "reject", "orderNo", claimed, "text", "card testing"))
          .isEqualTo("ok");
    }

    List<String> held = new ArrayList<>();
    for (int minute = STEP / 60; minute <= 25 * 60; minute += minute < 300 ? STEP / 60 : 30) {
      Paying.advance(minute <= 300 ? STEP : 30 * 60);
      if (minute == 40) {
        // An admin holds 20 of the orders no merchant took, for a day and more.
        for (Placed order : orders.get("nobodyClaims").subList(0, 20)) {
          assertThat(TestStaffDesk.act(ADMIN, "poolClaim", "orderNo", order.orderNo()))
              .isEqualTo(order.orderNo());
          assertThat(
                  TestStaffDesk.act(
                      ADMIN,
                      "hold",
                      "orderNo",
                      order.orderNo(),
                      "text",
                      "vendor asked to wait",
                      "seconds",
                      Integer.toString(30 * 3600)))
              .isEqualTo("ok");
          held.add(order.orderNo());
        }
      }
      if (minute == 70) {
        // The supplier is back; an admin re-dispatches half of its orders from the pool.
        SandboxApi.send("DELETE", "/api/supplier/faults", null);
        for (Placed order : orders.get("supplierOutage").subList(0, 150)) {
          TestStaffDesk.act(ADMIN, "poolClaim", "orderNo", order.orderNo());
          assertThat(TestStaffDesk.act(ADMIN, "redispatch", "orderNo", order.orderNo()))
              .as(order.orderNo())
              .isEqualTo("ok");
        }
      }
      if (minute == 90) {
        importKeys(shortStock, 100);
      }
      runScans();
    }
    awaitQuiet();

    String now = now().toString();
    String report =
        FixtureClient.create(
            "ladder", Map.of("action", "dayReport", "products", products, "now", now));
    System.out.println("Simulated day, " + total + " orders:\n" + report);
    Map<String, String> figures = new LinkedHashMap<>();
    report
        .lines()
        .forEach(l -> figures.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));

    assertThat(figures.get("paid")).isEqualTo(Integer.toString(total));
    assertThat(figures.get("unresolved")).as("open and not held by a person").isEqualTo("0");
    assertThat(figures.get("held")).isEqualTo("20");
    assertThat(
            Integer.parseInt(figures.get("completed"))
                + Integer.parseInt(figures.get("refunded"))
                + Integer.parseInt(figures.get("held")))
        .isEqualTo(total);
    assertThat(new BigDecimal(figures.get("moneyReceived")))
        .as("received = fulfilled + refunded + held")
        .isEqualByComparingTo(
            new BigDecimal(figures.get("moneyFulfilled"))
                .add(new BigDecimal(figures.get("moneyRefunded")))
                .add(new BigDecimal(figures.get("moneyHeld"))));
    assertThat(new BigDecimal(figures.get("maxLateSeconds")))
        .as("no ladder step later than one scan step after its deadline")
        .isLessThanOrEqualTo(BigDecimal.valueOf(STEP + 30));
    assertThat(new BigDecimal(figures.get("earliestSeconds")))
        .as("and none before it")
        .isGreaterThanOrEqualTo(BigDecimal.ZERO);
    assertThat(figures.get("vouchersAgainstTheRule")).isEqualTo("0");
    assertThat(figures.get("vouchers")).isEqualTo(figures.get("vouchersOwed"));
    assertThat(Integer.parseInt(figures.get("vouchers"))).isPositive();
    assertThat(Integer.parseInt(figures.get("refunded"))).isPositive();
  }

  /** Runs the scans the server runs, once each, as their schedules would in the step. */
  private static void runScans() {
    for (String action :
        List.of("expire", "queryPayments", "dispatch", "merchantDeadlines", "querySuppliers")) {
      FixtureClient.create("orders", Map.of("action", action));
    }
    climb();
    while (Integer.parseInt(FixtureClient.create("orders", Map.of("action", "refund"))) > 0) {
      // every due refund
    }
  }

  /** Lets the server's own background work (dispatch after payment, supplier callbacks) finish. */
  private static void awaitQuiet() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      Thread.sleep(1_000);
      runScans();
    }
  }

  private static void awaitMerchantHas(String merchant, Placed order) {
    Paying.await(
        () -> {
          FixtureClient.create(
              "orders", Map.of("action", "dispatchOne", "orderNo", order.orderNo()));
          return TestMerchantDesk.act(merchant, "myOrders").contains(order.orderNo());
        });
  }

  /** {@code count} orders of the product, each paid at the gateway (its notice lost if asked). */
  private static List<Placed> pay(
      long product, int count, java.util.function.IntFunction<String> input, boolean loseNotice)
      throws Exception {
    ExecutorService buyers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Placed>> placed = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        Callable<Placed> buyer =
            () -> {
              Placed order = Paying.place(product, 1, input.apply(n));
              String payUrl = Paying.startPayment(order);
              if (loseNotice) {
                Paying.fault(order.reference(1), "DROP", 1);
              }
              Paying.pay(payUrl);
              return order;
            };
        placed.add(buyers.submit(buyer));
      }
      List<Placed> orders = new ArrayList<>();
      for (Future<Placed> order : placed) {
        orders.add(order.get());
      }
      return Collections.unmodifiableList(orders);
    } finally {
      buyers.shutdown();
    }
  }
}
