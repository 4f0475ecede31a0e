package io.kameng.it.reconciliation;

import static io.kameng.it.reconciliation.Reconciling.CHINA;
import static io.kameng.it.reconciliation.Reconciling.await;
import static io.kameng.it.reconciliation.Reconciling.fixture;
import static io.kameng.it.reconciliation.Reconciling.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.SandboxApi;
import io.kameng.it.TestReconciliation;
import io.kameng.it.TestReconciliationServlet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash safety: the server is killed (SIGKILL) while a reconciliation loads its statement; at the
 * next start the run and its job execution are marked failed and the run resumes from the lines its
 * last committed chunk loaded, ending with the same result as an uninterrupted run of the day.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReconciliationRestartIT {

  private static final int LINES = 20_000;

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(TestReconciliation.class, TestReconciliationServlet.class);
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
  void aServerKilledDuringTheLoadResumesFromItsCheckpointWithTheSameResult() throws Exception {
    LocalDate day = LocalDate.now(CHINA).minusDays(ThreadLocalRandom.current().nextInt(400, 3000));
    String prefix = "7" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/gateway/bulk",
                    "{\"day\": \"%s\", \"count\": %d, \"prefix\": \"%s\", \"amount\": \"10.00\"}"
                        .formatted(day, LINES, prefix))
                .statusCode())
        .isEqualTo(204);

    String id =
        fixture(
            "start",
            Map.of(
                "kind", "PAYMENT", "partner", "sandbox", "day", day.toString(), "rerun", "false"));
    String[] before = new String[1];
    await(
        Duration.ofSeconds(120),
        () -> {
          before[0] = progress(id);
          return before[0].startsWith("load|") && Long.parseLong(before[0].split("\\|")[1]) > 0;
        });
    String killedExecution = before[0].split("\\|")[4];

    KamengTestEnvironment.stack().server().kill(() -> {});

    await(Duration.ofSeconds(240), () -> run(id).startsWith("COMPLETED|"));
    String[] resumed = progress(id).split("\\|");
    assertThat(resumed[2]).as("a second attempt").isEqualTo("2");
    assertThat(Long.parseLong(resumed[3]))
        .as("resumed after the lines loaded before the kill")
        .isGreaterThan(0)
        .isLessThan(LINES);
    assertThat(fixture("executionStatus", Map.of("executionId", killedExecution)))
        .as("the killed execution")
        .isEqualTo("FAILED");
    // What an uninterrupted run of this day gives: every line loaded once, each (unknown to the
    // platform) listed once, the money explained.
    String afterCrash = run(id);
    assertThat(afterCrash)
        .isEqualTo(
            "COMPLETED|-|%d|true|0.00|%s|0.00"
                .formatted(LINES, new BigDecimal("9.94").multiply(BigDecimal.valueOf(LINES))));
    assertThat(resumed[5]).as("differences").isEqualTo(Integer.toString(LINES));
  }

  private static String progress(String id) {
    return fixture("progress", Map.of("runId", id));
  }
}
