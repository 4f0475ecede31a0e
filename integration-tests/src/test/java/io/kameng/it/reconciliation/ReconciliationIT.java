package io.kameng.it.reconciliation;

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
import java.time.ZoneId;
import java.util.Arrays;
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

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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
    String run = awaitRun(start("PAYMENT", day, false));
    assertThat(run).startsWith("COMPLETED|");
    assertThat(field(run, 3)).as("balanced: " + run).isEqualTo("true");

    List<String> differences = differences(lastRunId);
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
    String again = awaitRun(start("PAYMENT", day, true));
    assertThat(again).startsWith("COMPLETED|");
    List<String> found = differences(lastRunId);
    for (Placed order : List.of(forgotten, lostRefund, twice, wrongFee)) {
      assertThat(own(found, order)).hasSameSizeAs(own(differences, order));
    }
    assertThat(Paying.refunds(twice)).startsWith("1 ");
    assertThat(Paying.countEvents(forgotten, "PAID_LATE")).isEqualTo(1);
    assertThat(Paying.countEvents(lostRefund, "PAYMENT_REFUNDED")).isEqualTo(1);
  }

  @Test
  void aBillWhoseTrailerDoesNotAddUpIsRefusedWholeAndTheDayRunsOnceHealed() throws Exception {
    LocalDate day = sandboxDayWithRoom();
    Placed order = Paying.place();
    Paying.pay(Paying.startPayment(order));
    Paying.awaitPaid(order);
    billReady(day);
    gatewayFault("{\"scope\": \"%s\", \"bill\": \"BAD_TRAILER\"}".formatted(day));
    String before =
        FixtureClient.create(
            "reconciliation", Map.of("action", "differencesOfDay", "day", day.toString()));

    String refused = awaitRun(start("PAYMENT", day, true));
    assertThat(refused).startsWith("FAILED|").contains("trailer");
    assertThat(String.join("\n", differences(lastRunId))).as("nothing written").isEqualTo(before);

    gatewayFault("{\"scope\": \"%s\", \"bill\": \"NONE\"}".formatted(day));
    assertThat(awaitRun(start("PAYMENT", day, false))).startsWith("COMPLETED|");
  }

  @Test
  void concurrentStartsOfOneDayMakeOneRun() throws Exception {
    LocalDate day = sandboxDay().minusDays(ThreadLocalRandom.current().nextInt(100, 3000));
    List<String> answers = TestData.concurrently(4, () -> start("PAYMENT", day, false));
    assertThat(answers.stream().filter(a -> !a.startsWith("refused:"))).hasSize(1);
    assertThat(answers.stream().filter(a -> a.startsWith("refused:")))
        .allSatisfy(
            a ->
                assertThat(a)
                    .isIn("refused:reconciliation.running", "refused:reconciliation.done"));
    String id = answers.stream().filter(a -> !a.startsWith("refused:")).findFirst().orElseThrow();
    assertThat(awaitRun(id)).startsWith("COMPLETED|");
    assertThat(start("PAYMENT", day, false)).isEqualTo("refused:reconciliation.done");
  }

  private long lastRunId;

  private String start(String kind, LocalDate day, boolean rerun) {
    return FixtureClient.create(
        "reconciliation",
        Map.of(
            "action",
            "start",
            "kind",
            kind,
            "partner",
            "sandbox",
            "day",
            day.toString(),
            "rerun",
            Boolean.toString(rerun)));
  }

  /** Waits until the run is no longer RUNNING; answers what the fixture shows of it. */
  private String awaitRun(String id) {
    assertThat(id).as("started").doesNotStartWith("refused:");
    lastRunId = Long.parseLong(id);
    String[] state = new String[1];
    Paying.await(
        () -> {
          state[0] = FixtureClient.create("reconciliation", Map.of("action", "run", "runId", id));
          return !state[0].startsWith("RUNNING|");
        });
    return state[0];
  }

  private static List<String> differences(long runId) {
    String text =
        FixtureClient.create(
            "reconciliation", Map.of("action", "differences", "runId", Long.toString(runId)));
    return text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
  }

  private static List<String> own(List<String> differences, Placed order) {
    return differences.stream().filter(d -> d.split("\\|")[2].equals(order.orderNo())).toList();
  }

  private static String field(String run, int index) {
    return run.split("\\|", -1)[index];
  }

  private static void gatewayFault(String json) throws Exception {
    assertThat(SandboxApi.send("POST", "/api/gateway/faults", json).statusCode()).isEqualTo(204);
  }

  private static Instant sandboxNow() throws Exception {
    String body = SandboxApi.send("POST", "/api/gateway/clock", "{\"advanceSeconds\": 0}").body();
    return Instant.parse(Json.createReader(new StringReader(body)).readObject().getString("now"));
  }

  private static LocalDate sandboxDay() throws Exception {
    return sandboxNow().atZone(CHINA).toLocalDate();
  }

  /** Today at the sandbox, with at least two hours left in it (else the clock moves on). */
  private static LocalDate sandboxDayWithRoom() throws Exception {
    Instant now = sandboxNow();
    LocalDate day = now.atZone(CHINA).toLocalDate();
    if (now.atZone(CHINA).getHour() >= 22) {
      day = day.plusDays(1);
      moveSandboxTo(day.atTime(0, 5).atZone(CHINA).toInstant());
    }
    return day;
  }

  /** The sandbox clock at 03:00 China time of the next day: the day's bill is ready. */
  private static void billReady(LocalDate day) throws Exception {
    moveSandboxTo(day.plusDays(1).atTime(3, 0).atZone(CHINA).toInstant());
  }

  private static void moveSandboxTo(Instant at) throws Exception {
    assertThat(
            SandboxApi.send("POST", "/api/gateway/clock", "{\"at\": \"%s\"}".formatted(at))
                .statusCode())
        .isEqualTo(200);
  }
}
