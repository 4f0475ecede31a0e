package io.kameng.it.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.SandboxApi;
import io.kameng.it.payment.Paying;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The steps the reconciliation tests are written in: starting runs and reading what they found
 * through the test WAR's fixture ({@code /kameng-tests/reconciliation}), and moving the sandbox's
 * and the platform's clocks to the days and hours a test needs.
 */
final class Reconciling {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private Reconciling() {}

  static String fixture(String action, Map<String, String> fields) {
    Map<String, String> all = new HashMap<>(fields);
    all.put("action", action);
    return FixtureClient.create("reconciliation", all);
  }

  /** Starts the day's run with {@code partner}: its id, or {@code refused:<code>}. */
  static String start(String kind, String partner, LocalDate day, boolean rerun) {
    return fixture(
        "start",
        Map.of(
            "kind",
            kind,
            "partner",
            partner,
            "day",
            day.toString(),
            "rerun",
            Boolean.toString(rerun)));
  }

  /** {@code state|failure|lines|balanced|unexplained|statementNet|platformNet}. */
  static String run(String id) {
    return fixture("run", Map.of("runId", id));
  }

  /** Waits until the run is no longer RUNNING; answers {@link #run}. */
  static String awaitRun(String id) throws Exception {
    assertThat(id).as("started").doesNotStartWith("refused:");
    String[] state = new String[1];
    await(
        Duration.ofSeconds(60),
        () -> {
          state[0] = run(id);
          return !state[0].startsWith("RUNNING|");
        });
    return state[0];
  }

  /** One line per difference of the run: {@code kind|key|orderNo|state|amount|fix}. */
  static List<String> differences(String runId) {
    String text = fixture("differences", Map.of("runId", runId));
    return text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
  }

  static List<String> own(List<String> differences, Paying.Placed order) {
    return differences.stream().filter(d -> d.split("\\|")[2].equals(order.orderNo())).toList();
  }

  static String field(String line, int index) {
    return line.split("\\|", -1)[index];
  }

  /** Polls {@code condition} every 50 ms until it holds; fails after {@code limit}. */
  static void await(Duration limit, BooleanSupplier condition) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      boolean met;
      try {
        met = condition.getAsBoolean();
      } catch (RuntimeException e) {
        met = false; // for example the server is starting
      }
      if (met) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + limit);
      }
      Thread.sleep(50);
    }
  }

  static void gatewayFault(String json) throws Exception {
    assertThat(SandboxApi.send("POST", "/api/gateway/faults", json).statusCode()).isEqualTo(204);
  }

  static Instant sandboxNow() throws Exception {
    String body = SandboxApi.send("POST", "/api/gateway/clock", "{\"advanceSeconds\": 0}").body();
    return Instant.parse(Json.createReader(new StringReader(body)).readObject().getString("now"));
  }

  static LocalDate sandboxDay() throws Exception {
    return sandboxNow().atZone(CHINA).toLocalDate();
  }

  /** Today at the sandbox, with at least two hours left in it (else the clock moves on). */
  static LocalDate sandboxDayWithRoom() throws Exception {
    Instant now = sandboxNow();
    LocalDate day = now.atZone(CHINA).toLocalDate();
    if (now.atZone(CHINA).getHour() >= 22) {
      day = day.plusDays(1);
      moveSandboxTo(day.atTime(0, 5).atZone(CHINA).toInstant(), false);
    }
    return day;
  }

  /** The sandbox clock at 03:00 China time of the next day: the day's bill is ready. */
  static void billReady(LocalDate day) throws Exception {
    moveSandboxTo(day.plusDays(1).atTime(3, 0).atZone(CHINA).toInstant(), false);
  }

  static void moveSandboxTo(Instant at, boolean frozen) throws Exception {
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/gateway/clock",
                    "{\"at\": \"%s\", \"frozen\": %s}".formatted(at, frozen))
                .statusCode())
        .isEqualTo(200);
  }

  static Instant platformNow() {
    return Instant.parse(
        FixtureClient.create("orders", Map.of("action", "advance", "seconds", "0")));
  }

  /** Moves the platform's clock forward to {@code at}. */
  static void platformTo(Instant at) {
    Instant now = platformNow();
    if (at.isAfter(now)) {
      Paying.advance((int) Duration.between(now, at).toSeconds());
    }
  }
}
