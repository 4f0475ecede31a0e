package io.kameng.it.reconciliation;

import static io.kameng.it.reconciliation.Reconciling.CHINA;
import static io.kameng.it.reconciliation.Reconciling.fixture;
import static io.kameng.it.reconciliation.Reconciling.gatewayFault;
import static io.kameng.it.reconciliation.Reconciling.platformNow;
import static io.kameng.it.reconciliation.Reconciling.platformTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.KamengDeployment;
import io.kameng.it.SandboxApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.TestReconciliation;
import io.kameng.it.TestReconciliationServlet;
import io.kameng.it.payment.Paying;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly schedule as the timer drives it (the test calls the timer's work itself, at times of
 * the server's clock it moves): after the reconciliation hour yesterday is started with every
 * partner and the last week's days without a run are caught up; a statement that is not ready is
 * asked for again every 30 minutes and, past the deadline, the day stands as "statement missing"
 * and admins are warned.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReconciliationScheduleIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        TestData.class,
        TestReconciliation.class,
        TestReconciliationServlet.class);
  }

  @AfterEach
  void heal() throws Exception {
    SandboxApi.send("DELETE", "/api/gateway/faults", null);
    SandboxApi.send("DELETE", "/api/gateway/clock", null);
  }

  @Test
  void afterTheHourYesterdayRunsWithEveryPartnerAndAStatementThatNeverComesIsMissing()
      throws Exception {
    ZonedDateTime now = platformNow().atZone(CHINA);
    // 03:10 China time of a day far enough ahead that no test reconciled its yesterday yet (the
    // test database outlives a test run).
    ZonedDateTime tick =
        now.toLocalDate()
            .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(30, 3000))
            .atTime(3, 10)
            .atZone(CHINA);
    LocalDate yesterday = tick.toLocalDate().minusDays(1);
    platformTo(tick.minusHours(1).toInstant());
    fixture("runDue", Map.of());
    assertThat(runOfDay("PAYMENT", "sandbox", yesterday)).as("before the hour").isEqualTo("none");

    gatewayFault("{\"scope\": \"%s\", \"bill\": \"NOT_READY\"}".formatted(yesterday));
    platformTo(tick.toInstant());
    assertThat(Integer.parseInt(fixture("runDue", Map.of()))).isGreaterThanOrEqualTo(3);
    awaitState("SUPPLIER", "sandbox", yesterday, "COMPLETED");
    awaitState("SUPPLIER", "sandbox-backup", yesterday, "COMPLETED");
    String waiting = awaitState("PAYMENT", "sandbox", yesterday, "WAITING");
    assertThat(Instant.parse(waiting.split("\\|")[3]))
        .as("asked again in 30 minutes")
        .isAfter(tick.toInstant().plus(Duration.ofMinutes(29)));
    for (int back = 1; back < 7; back++) {
      assertThat(runOfDay("PAYMENT", "sandbox", yesterday.minusDays(back)))
          .as("caught up: " + yesterday.minusDays(back))
          .isNotEqualTo("none");
    }

    // Asked again 30 minutes later: still not ready.
    platformTo(tick.plusMinutes(31).toInstant());
    fixture("runDue", Map.of());
    assertThat(awaitState("PAYMENT", "sandbox", yesterday, "WAITING").split("\\|")[2])
        .as("the second attempt")
        .isEqualTo("2");

    // Past the deadline (12:00): the day stands as "statement missing"; admins are warned.
    platformTo(tick.withHour(11).withMinute(50).toInstant());
    fixture("runDue", Map.of());
    awaitState("PAYMENT", "sandbox", yesterday, "STATEMENT_MISSING");
    assertThat(Long.parseLong(fixture("warnings", Map.of()).split("\\|")[1])).isPositive();

    // The statement comes after all: an admin starts the day and it completes.
    gatewayFault("{\"scope\": \"%s\", \"bill\": \"NONE\"}".formatted(yesterday));
    SandboxApi.send(
        "POST", "/api/gateway/clock", "{\"at\": \"%s\"}".formatted(tick.plusHours(9).toInstant()));
    fixture(
        "start",
        Map.of(
            "kind",
            "PAYMENT",
            "partner",
            "sandbox",
            "day",
            yesterday.toString(),
            "rerun",
            "false"));
    awaitState("PAYMENT", "sandbox", yesterday, "COMPLETED");
  }

  private static String awaitState(String kind, String partner, LocalDate day, String state) {
    String[] run = new String[1];
    Paying.await(
        () -> {
          run[0] = runOfDay(kind, partner, day);
          return run[0].contains("|" + state + "|");
        });
    return run[0];
  }

  private static String runOfDay(String kind, String partner, LocalDate day) {
    return fixture("runOfDay", Map.of("kind", kind, "partner", partner, "day", day.toString()));
  }
}
