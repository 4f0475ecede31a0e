package io.kameng.it.reconciliation;

import static io.kameng.it.reconciliation.Reconciling.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.SandboxApi;
import io.kameng.it.ShopApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.TestReconciliation;
import io.kameng.it.TestReconciliationServlet;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly reconciliation in the real server against the sandbox's statements over HTTP: a day
 * seeded with sandbox faults gives every payment difference once, each fix is applied once (also
 * when the day is run again), the money summary is balanced; a file that does not add up is refused
 * whole; concurrent starts of one day make one run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReconciliationIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        TestData.class,
        TestReconciliation.class,
        TestReconciliationServlet.class,
        ShopApi.class);
  }

  @BeforeEach
  @AfterEach
  void heal() throws Exception {
    SandboxApi.send("DELETE", "/api/gateway/faults", null);
    SandboxApi.send("DELETE", "/api/gateway/clock", null);
    SandboxApi.send("DELETE", "/api/supplier/faults", null);
  }

  @Test
  void aSeededDayGivesEveryDifferenceOnceAndEachFixOnce() throws Exception {
    LocalDate day = sandboxDayWithRoom();

    Placed forgotten = Paying.place();
    String forgottenUrl = Paying.startPayment(forgotten);
    Paying.fault(forgotten.reference(1), "FORGET", 1);
    Paying.pay(forgottenUrl);

    Placed lostRefund = Paying.place();
    Paying.pay(Paying.startPayment(lostRefund));
    Paying.awaitPaid(lostRefund);
    gatewayFault("{\"scope\": \"%s\", \"refund\": \"LOST\"}".formatted(lostRefund.reference(1)));
    FixtureClient.create(
        "orders", Map.of("action", "requestRefund", "orderNo", lostRefund.orderNo()));
    Paying.refund();

    Placed twice = Paying.place();
    String first = Paying.startPayment(twice);
    String second = Paying.startPayment(twice);
    Paying.fault(twice.reference(2), "FORGET", 1);
    Paying.pay(first);
    Paying.awaitPaid(twice);
    Paying.pay(second);

    Placed wrongFee = Paying.place();
    gatewayFault("{\"scope\": \"%s\", \"bill\": \"WRONG_FEE\"}".formatted(wrongFee.reference(1)));
    Paying.pay(Paying.startPayment(wrongFee));
    Paying.awaitPaid(wrongFee);

    // The forgotten payment outlives every query (1, 5, 15, 60 minutes: "not found") and its order
    // expires unpaid; the refund's answers stay lost.
    Paying.advance(61 * 60);
    Paying.queryAllDuePayments();
    Paying.expireDueOrders();
    Paying.refund();
    assertThat(Paying.follow(forgotten).getString("state")).isEqualTo("CANCELLED");
    assertThat(Paying.refunds(lostRefund)).contains("RETRYING");

    billReady(day);
    // The day may have been reconciled already (other tests pay on it too): a re-run.
    Reconciled run = reconcile("PAYMENT", day);
    assertThat(run.state()).startsWith("COMPLETED|");
    assertThat(field(run.state(), 3)).as("balanced: " + run).isEqualTo("true");

    List<String> differences = differences(run.id());
    assertThat(own(differences, forgotten))
        .singleElement()
        .satisfies(
            d -> assertThat(d).startsWith("PLATFORM_MISSING|" + forgotten.reference(1) + "|"))
        .satisfies(d -> assertThat(d).contains("|FIXED|").contains("settled from the statement"));
    assertThat(own(differences, lostRefund))
        .singleElement()
        .satisfies(
            d -> assertThat(d).startsWith("STATUS_MISMATCH|" + lostRefund.reference(1) + "R"))
        .satisfies(d -> assertThat(d).contains("|FIXED|").contains("refund recorded as done"));
    assertThat(own(differences, twice))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("DUPLICATE_PAYMENT|" + twice.reference(2) + "|"))
        .satisfies(d -> assertThat(d).contains("|FIXED|").contains("refunded in full"));
    assertThat(own(differences, wrongFee))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("FEE_MISMATCH|" + wrongFee.reference(1) + "|"))
        .satisfies(d -> assertThat(d).contains("|OPEN|-0.01|"));

    assertThat(Paying.follow(forgotten).getString("state")).isNotIn("SUBMITTED", "CANCELLED");
    assertThat(Paying.follow(lostRefund).getString("state")).isEqualTo("REFUNDED");
    assertThat(Paying.refunds(twice)).startsWith("1 ").contains("EXTRA_PAYMENT");

    // The same day again: the same differences, nothing fixed twice.
    Reconciled again = reconcile("PAYMENT", day);
    assertThat(again.state()).startsWith("COMPLETED|");
    List<String> found = differences(again.id());
    for (Placed order : List.of(forgotten, lostRefund, twice, wrongFee)) {
      assertThat(own(found, order)).hasSameSizeAs(own(differences, order));
    }
    assertThat(Paying.refunds(twice)).startsWith("1 ");
    assertThat(Paying.countEvents(forgotten, "PAID_LATE")).isEqualTo(1);
    assertThat(Paying.countEvents(lostRefund, "PAYMENT_REFUNDED")).isEqualTo(1);
  }

  @Test
  void aSupplierThatRechargedARefundedOrderIsMoneyToRecoverAndALostResultCompletesTheOrder()
      throws Exception {
    LocalDate day = sandboxDayWithRoom();
    // The supplier answers only after the platform gave up, but recharges: meanwhile the order
    // was refunded.
    String late = mobile();
    supplierFault(late, "TIMEOUT", 8);
    Placed refunded = topUp(late);
    Paying.await(() -> Paying.events(Paying.follow(refunded)).contains("HANDED_TO_PLATFORM"));
    FixtureClient.create(
        "orders", Map.of("action", "requestRefund", "orderNo", refunded.orderNo()));
    Paying.refund();
    assertThat(Paying.awaitState(refunded, "REFUNDED").getString("state")).isEqualTo("REFUNDED");
    Paying.await(() -> rechargeStatus(refunded.orderNo() + "S1").equals("SUCCESS"));

    // The supplier's result never comes: the order still waits for it.
    String lost = mobile();
    supplierFault(lost, "CALLBACK_LOST", 0);
    Placed waiting = topUp(lost);
    Paying.await(() -> rechargeStatus(waiting.orderNo() + "S1").equals("SUCCESS"));
    assertThat(Paying.follow(waiting).getString("state")).isEqualTo("FULFILLING");

    Reconciled run = reconcile("SUPPLIER", day);
    assertThat(run.state()).startsWith("COMPLETED|");
    assertThat(field(run.state(), 3)).as("balanced: " + run).isEqualTo("true");
    List<String> differences = differences(run.id());
    assertThat(own(differences, refunded))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .startsWith("RECHARGED_AFTER_REFUND|" + refunded.orderNo() + "S1|")
                    .contains("|OPEN|")
                    .contains("money lost: 100.00 to recover"));
    assertThat(Paying.events(Paying.follow(refunded))).contains("RECONCILED");
    assertThat(Paying.follow(refunded).getString("state")).isEqualTo("REFUNDED");
    assertThat(own(differences, waiting))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .startsWith("RECHARGED_ORDER_WAITING|" + waiting.orderNo() + "S1|")
                    .contains("|FIXED|"));
    assertThat(Paying.follow(waiting).getString("state")).isEqualTo("COMPLETED");

    assertThat(reconcile("SUPPLIER", day).state()).startsWith("COMPLETED|");
    assertThat(Paying.countEvents(refunded, "RECONCILED")).as("noted once").isEqualTo(1);
    assertThat(Paying.countEvents(waiting, "COMPLETED")).isEqualTo(1);
  }

  @Test
  void theDaysCutOffIsChinaMidnightAndARecordNearItWaitsInThePoolUntilAStatementHasIt()
      throws Exception {
    LocalDate day = sandboxDayWithRoom();
    Instant midnight = day.plusDays(1).atStartOfDay(CHINA).toInstant();
    Placed before = Paying.place();
    Placed after = Paying.place();
    Placed pooled = Paying.place();
    Placed expiring = Paying.place();
    String beforeUrl = Paying.startPayment(before);
    String afterUrl = Paying.startPayment(after);
    Paying.pay(Paying.startPayment(pooled));
    Paying.pay(Paying.startPayment(expiring));
    Paying.awaitPaid(pooled);
    Paying.awaitPaid(expiring);

    moveSandboxTo(midnight.minusMillis(100), true);
    Paying.pay(beforeUrl);
    Paying.awaitPaid(before);
    moveSandboxTo(midnight.plusMillis(100), true);
    Paying.pay(afterUrl);
    Paying.awaitPaid(after);

    // The platform confirms two refunds just before its midnight; the gateway made them just
    // after its own, one day and two days later.
    platformTo(midnight.minusSeconds(300));
    moveSandboxTo(midnight.plusSeconds(5), true);
    FixtureClient.create("orders", Map.of("action", "requestRefund", "orderNo", pooled.orderNo()));
    Paying.refund();
    moveSandboxTo(midnight.plus(java.time.Duration.ofDays(1)).plusSeconds(5), true);
    FixtureClient.create(
        "orders", Map.of("action", "requestRefund", "orderNo", expiring.orderNo()));
    Paying.refund();
    assertThat(Paying.refunds(pooled)).contains("SUCCEEDED");
    assertThat(Paying.refunds(expiring)).contains("SUCCEEDED");

    platformTo(midnight.plus(java.time.Duration.ofDays(3)).plusSeconds(12 * 3600));
    moveSandboxTo(midnight.plus(java.time.Duration.ofDays(4)).plusSeconds(3 * 3600), false);

    List<String> first = differences(reconcile("PAYMENT", day).id());
    assertThat(own(first, before)).isEmpty();
    assertThat(own(first, after)).isEmpty();
    assertThat(own(first, pooled)).as("waits in the pool").isEmpty();
    assertThat(poolOf(pooled)).isEqualTo("REFUND:WAITING");
    assertThat(poolOf(expiring)).isEqualTo("REFUND:WAITING");
    assertThat(statementHas(day, before.reference(1))).isTrue();
    assertThat(statementHas(day, after.reference(1))).isFalse();

    Reconciled next = reconcile("PAYMENT", day.plusDays(1));
    assertThat(next.state()).startsWith("COMPLETED|");
    List<String> second = differences(next.id());
    assertThat(own(second, after)).isEmpty();
    assertThat(own(second, pooled)).isEmpty();
    assertThat(poolOf(pooled)).as("matched the next day").isEqualTo("REFUND:MATCHED");
    assertThat(poolOf(expiring)).isEqualTo("REFUND:WAITING");

    Reconciled third = reconcile("PAYMENT", day.plusDays(3));
    assertThat(poolOf(expiring)).as("three days without a statement").isEqualTo("REFUND:EXPIRED");
    assertThat(own(differences(third.id()), expiring))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("STATUS_MISMATCH|" + expiring.reference(1) + "R"))
        .satisfies(d -> assertThat(d).contains("the gateway answers refunded"));
  }

  @Test
  void aBillThatCannotBeTrustedOrFetchedIsRefusedWholeAndTheDayRunsOnceHealed() throws Exception {
    LocalDate day = sandboxDayWithRoom();
    Placed order = Paying.place();
    Paying.pay(Paying.startPayment(order));
    Paying.awaitPaid(order);
    billReady(day);
    String before =
        FixtureClient.create(
            "reconciliation", Map.of("action", "differencesOfDay", "day", day.toString()));
    Map<String, String> reasons = new java.util.LinkedHashMap<>();
    reasons.put("DOWN", "could not be fetched: The download answered HTTP 503");
    reasons.put("EXPIRED", "could not be fetched: The download answered HTTP 403");
    reasons.put("TRUNCATED", "fields");
    reasons.put("BAD_TRAILER", "The trailer says");

    for (Map.Entry<String, String> fault : reasons.entrySet()) {
      gatewayFault("{\"scope\": \"%s\", \"bill\": \"%s\"}".formatted(day, fault.getKey()));
      Reconciled refused = reconcile("PAYMENT", day);
      assertThat(refused.state())
          .as(fault.getKey())
          .startsWith("FAILED|")
          .contains(fault.getValue());
      assertThat(String.join("\n", differences(refused.id())))
          .as("nothing written: " + fault.getKey())
          .isEqualTo(before);
      gatewayFault("{\"scope\": \"%s\", \"bill\": \"NONE\"}".formatted(day));
    }

    assertThat(awaitRun(start("PAYMENT", "sandbox", day, false))).startsWith("COMPLETED|");
  }

  @Test
  void anAdminScriptStartsADayThroughTheJsonApiAndReviewersAreTurnedAway() throws Exception {
    LocalDate day = sandboxDay().minusDays(ThreadLocalRandom.current().nextInt(100, 3000));
    String base = io.kameng.it.KamengTestEnvironment.stack().server().httpUrl();
    String password = "api-script-2026";
    io.kameng.it.ConsoleBrowser admin = new io.kameng.it.ConsoleBrowser(base, null);
    admin.signIn(
        "admin",
        TestAccounts.create("admin", io.kameng.identity.entity.Role.ADMIN, password),
        password);
    String body =
        "{\"kind\": \"PAYMENT\", \"partner\": \"sandbox\", \"day\": \"%s\"}".formatted(day);

    var started = admin.postJson("/admin/api/reconciliation/runs", body);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id =
        Long.toString(
            Json.createReader(new StringReader(started.body()))
                .readObject()
                .getJsonNumber("runId")
                .longValue());
    assertThat(awaitRun(id)).startsWith("COMPLETED|");
    var run = admin.get("/admin/api/reconciliation/runs/" + id);
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.body()).contains("\"state\":\"COMPLETED\"").contains(day.toString());
    var again = admin.postJson("/admin/api/reconciliation/runs", body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("reconciliation.done");
    assertThat(admin.postJson("/admin/api/reconciliation/runs", "{\"kind\": \"NONE\"}").status())
        .isEqualTo(400);

    io.kameng.it.ConsoleBrowser reviewer = new io.kameng.it.ConsoleBrowser(base, null);
    reviewer.signIn(
        "admin",
        TestAccounts.create("reviewer", io.kameng.identity.entity.Role.REVIEWER, password),
        password);
    assertThat(reviewer.postJson("/admin/api/reconciliation/runs", body).status()).isEqualTo(403);
    assertThat(reviewer.get("/admin/api/reconciliation/runs/" + id).status()).isEqualTo(403);
  }

  @Test
  void concurrentStartsOfOneDayMakeOneRun() throws Exception {
    LocalDate day = sandboxDay().minusDays(ThreadLocalRandom.current().nextInt(100, 3000));
    List<String> answers = TestData.concurrently(4, () -> start("PAYMENT", "sandbox", day, false));
    assertThat(answers.stream().filter(a -> !a.startsWith("refused:"))).hasSize(1);
    assertThat(answers.stream().filter(a -> a.startsWith("refused:")))
        .allSatisfy(
            a ->
                assertThat(a)
                    .isIn("refused:reconciliation.running", "refused:reconciliation.done"));
    String id = answers.stream().filter(a -> !a.startsWith("refused:")).findFirst().orElseThrow();
    assertThat(awaitRun(id)).startsWith("COMPLETED|");
    assertThat(start("PAYMENT", "sandbox", day, false)).isEqualTo("refused:reconciliation.done");
  }

  /** A run of the day and what the fixture shows of it once it ended. */
  private record Reconciled(String id, String state) {}

  /** Runs the day (again) with the sandbox and waits for it to end. */
  private static Reconciled reconcile(String kind, LocalDate day) throws Exception {
    String id = start(kind, "sandbox", day, true);
    return new Reconciled(id, awaitRun(id));
  }

  private static Placed topUp(String mobile) throws Exception {
    Placed order =
        Paying.place(
            TestData.product("phone", true), 1, "{\"mobileNumber\": \"%s\"}".formatted(mobile));
    Paying.pay(Paying.startPayment(order));
    return order;
  }

  /** A China Mobile number of its own (supplier faults are injected per account). */
  private static String mobile() {
    return "138" + String.format("%08d", System.nanoTime() % 100_000_000L);
  }

  private static void supplierFault(String account, String fault, int seconds) throws Exception {
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/supplier/faults",
                    "{\"scope\": \"%s\", \"fault\": \"%s\", \"seconds\": %d}"
                        .formatted(account, fault, seconds))
                .statusCode())
        .isEqualTo(204);
  }

  /** What the sandbox supplier says of a recharge: its status, or the HTTP status without one. */
  private static String rechargeStatus(String requestId) {
    try {
      var answer = SandboxApi.send("GET", "/api/supplier/recharges/" + requestId, null);
      return answer.statusCode() == 200
          ? Json.createReader(new StringReader(answer.body())).readObject().getString("status")
          : Integer.toString(answer.statusCode());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String poolOf(Placed order) {
    return FixtureClient.create(
        "reconciliation", Map.of("action", "poolOf", "orderNo", order.orderNo()));
  }

  /** Whether the gateway's bill of {@code day} has a payment line for {@code reference}. */
  private static boolean statementHas(LocalDate day, String reference) throws Exception {
    return io.kameng.it.GatewayBills.download(day).detail().contains(reference);
  }
}
