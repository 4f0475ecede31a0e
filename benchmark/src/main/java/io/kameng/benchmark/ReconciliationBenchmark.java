package io.kameng.benchmark;

import io.kameng.launcher.DatabaseSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nightly payment reconciliation at a million lines: how long the run of one day takes, step by
 * step, and how much heap the server needs meanwhile.
 *
 * <ol>
 *   <li>seeds one far-away China-time day ({@link #BASE_DAY} plus the runs made before, so reruns
 *       never collide): {@code kameng.bench.reconciliationLines} (default 1,000,000) paid trades at
 *       the sandbox gateway in one call ({@code POST /sandbox/api/gateway/bulk}), and as many
 *       {@code COMPLETED} orders and {@code PAID} payment attempts of 10.00 paid that day over JDBC
 *       (multi-row INSERTs of 1,000 rows, a commit every 100,000), so that every line matches;
 *   <li>starts the payment reconciliation of that day as the demo admin does, through the admin
 *       console's API ({@code POST /admin/api/reconciliation/runs}, signed in with the console's
 *       form);
 *   <li>samples {@code reconciliation_run} (step, items) and the server's used heap (MicroProfile
 *       Metrics) every 200 ms until the run ends;
 *   <li>checks that the run COMPLETED with no difference and {@code statement_line} holds one row
 *       per line, shows the plan of the match's first UPDATE, and removes its rows again.
 * </ol>
 *
 * <p>The day lies in the past, not the future: the platform refuses to reconcile a day that has not
 * begun ({@code reconciliation.dayInFuture}), and its clock is real time in the benchmark's stack;
 * the gateway's bill of a past day is ready at once. The orders' ids are 18 digits starting with 8
 * ({@link #FIRST_ID} on), below the ladder benchmark's 9 and above the real ones (the year).
 */
final class ReconciliationBenchmark {

  /** The first day reconciled; each run takes the next day (reconciliation_run is kept). */
  static final LocalDate BASE_DAY = LocalDate.of(2016, 6, 1);

  static final long FIRST_ID = 800_000_000_000_000_000L;
  static final long LAST_ID = 900_000_000_000_000_000L;
  static final int DEFAULT_LINES = 1_000_000;
  static final BigDecimal AMOUNT = new BigDecimal("10.00");
  static final String PARTNER = "sandbox";
  static final double TARGET_SECONDS = 60;

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int ROWS_PER_INSERT = 1_000;
  private static final int ROWS_PER_COMMIT = 100_000;
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);
  private static final Duration RUN_PATIENCE = Duration.ofMinutes(30);
  private static final String TOKEN_HASH = "0".repeat(64);
  private static final Pattern USED_HEAP =
      Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})?\\s+([0-9.Ee+]+)");
  private static final String[] STEPS = {
    "fetch", "check", "load", "match", "classify", "fix", "report"
  };

  private final DatabaseSettings database;
  private final String serverUrl;
  private final String sandboxUrl;
  private final Path home;
  private final int lines;
  private final PrintStream out;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What one run measured and found. */
  record Outcome(
      int lines,
      LocalDate day,
      long runId,
      Duration seedTrades,
      Duration seedRows,
      String state,
      Duration total,
      Map<String, Duration> steps,
      double peakHeapMb,
      double heapBeforeMb,
      String sandboxHeap,
      long differences,
      long stagedLines,
      long lineCount,
      String failure,
      List<String> plans) {

    Duration targetPart() {
      return steps
          .get("fetch")
          .plus(steps.get("check"))
          .plus(steps.get("load"))
          .plus(steps.get("match"))
          .plus(steps.get("classify"));
    }

    boolean right() {
      return state.equals("COMPLETED")
          && differences == 0
          && stagedLines == lines
          && lineCount == lines;
    }
  }

  ReconciliationBenchmark(
      DatabaseSettings database, String serverUrl, String sandboxUrl, Path home, PrintStream out) {
    this.database = database;
    this.serverUrl = serverUrl;
    this.sandboxUrl = sandboxUrl;
    this.home = home;
    this.lines = Integer.getInteger("kameng.bench.reconciliationLines", DEFAULT_LINES);
    this.out = out;
  }

  Outcome run(AdminConsole admin) throws Exception {
    try (Connection connection = connect(database)) {
      removeLeftovers(connection);
      LocalDate day = nextDay(connection);
      String prefix = "8" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
      out.printf(
          "Reconciliation: %,d paid trades of %s at the sandbox and as many orders and payments%n",
          lines, day);
      long began = System.nanoTime();
      bulkTrades(day, prefix);
      Duration seedTrades = Duration.ofNanos(System.nanoTime() - began);
      String sandboxHeap = sandboxHeap();
      out.printf(
          "  %,d trades made at the sandbox in %.1f s (sandbox heap: %s)%n",
          lines, seedTrades.toMillis() / 1000.0, sandboxHeap);
      began = System.nanoTime();
      long product = product(connection);
      insertOrders(connection, day, product);
      insertPayments(connection, day, prefix);
      Duration seedRows = Duration.ofNanos(System.nanoTime() - began);
      out.printf(
          "  %,d orders and %,d payment attempts inserted over JDBC in %.1f s%n",
          lines, lines, seedRows.toMillis() / 1000.0);

      double heapBefore = usedHeapMb().orElse(Double.NaN);
      Map<String, Integer> statementSamples = new LinkedHashMap<>();
      long runId = admin.startReconciliation("PAYMENT", PARTNER, day.toString(), false);
      Instant started = Instant.now();
      out.printf("  run %d started; sampling every %d ms%n", runId, SAMPLE_EVERY.toMillis());
      Map<String, Instant> firstSeen = new LinkedHashMap<>();
      firstSeen.put("fetch", started);
      double peakHeap = heapBefore;
      String state;
      String failure = null;
      Instant endedAt;
      Instant startedAt;
      long deadline = System.nanoTime() + RUN_PATIENCE.toNanos();
      String lastShown = "";
      while (true) {
        Instant now = Instant.now();
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT state, step, items, started_at, ended_at, failure FROM"
                    + " reconciliation_run WHERE id = ?")) {
          query.setLong(1, runId);
          try (ResultSet row = query.executeQuery()) {
            row.next();
            state = row.getString(1);
            String step = row.getString(2);
            long items = row.getLong(3);
            startedAt = utc(row.getObject(4, LocalDateTime.class));
            LocalDateTime ended = row.getObject(5, LocalDateTime.class);
            endedAt = ended == null ? null : utc(ended);
            failure = row.getString(6);
            connection.commit();
            String phase = step == null ? "" : step;
            if (phase.equals("load") && items >= lines) {
              // After the last chunk the run stays at "load" while it matches.
              phase = "match";
            }
            if (!phase.isEmpty()) {
              firstSeen.putIfAbsent(phase, now);
            }
            String shown = phase + " " + (items * 10 / Math.max(lines, 1));
            if (!shown.equals(lastShown)) {
              out.printf(
                  "    %5.1f s  %s %s%n",
                  Duration.between(started, now).toMillis() / 1000.0, phase, items);
              lastShown = shown;
            }
          }
        }
        sampleStatements(connection, statementSamples);
        peakHeap = Math.max(peakHeap, usedHeapMb().orElse(Double.NaN));
        if (!state.equals("RUNNING")) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Run " + runId + " still RUNNING after " + RUN_PATIENCE.toMinutes() + " minutes");
        }
        Thread.sleep(SAMPLE_EVERY.toMillis());
      }
      Instant end = endedAt == null ? Instant.now() : endedAt;
      Duration total = Duration.between(startedAt, end);
      Map<String, Duration> steps = steps(firstSeen, end);
      long differences =
          count(
              connection, "SELECT COUNT(*) FROM reconciliation_difference WHERE run_id = ?", runId);
      long staged =
          count(connection, "SELECT COUNT(*) FROM statement_line WHERE run_id = ?", runId);
      long lineCount =
          count(
              connection,
              "SELECT COALESCE(line_count, -1) FROM reconciliation_run WHERE id = ?",
              runId);
      String answered = admin.reconciliationRun(runId);
      if (!answered.contains("\"state\":\"" + state + "\"")) {
        throw new IllegalStateException(
            "GET /admin/api/reconciliation/runs/" + runId + " answered " + answered);
      }
      out.println("  GET /admin/api/reconciliation/runs/" + runId + ": " + answered);
      List<String> plans = plans(connection, runId);
      plans.addAll(sampledStatements(statementSamples));
      Outcome outcome =
          new Outcome(
              lines,
              day,
              runId,
              seedTrades,
              seedRows,
              state,
              total,
              steps,
              peakHeap,
              heapBefore,
              sandboxHeap,
              differences,
              staged,
              lineCount,
              failure,
              plans);
      began = System.nanoTime();
      removeRows(connection);
      out.printf(
          "  the benchmark's orders, payments and staged lines removed in %.1f s%n",
          (System.nanoTime() - began) / 1e9);
      return outcome;
    }
  }

  /** Each step's time: from the first sample that showed it to the first of the next. */
  private static Map<String, Duration> steps(Map<String, Instant> firstSeen, Instant end) {
    Map<String, Duration> steps = new LinkedHashMap<>();
    for (int i = 0; i < STEPS.length; i++) {
      Instant from = firstSeen.get(STEPS[i]);
      if (from == null) {
        steps.put(STEPS[i], Duration.ZERO);
        continue;
      }
      Instant to = end;
      for (int j = i + 1; j < STEPS.length; j++) {
        if (firstSeen.containsKey(STEPS[j])) {
          to = firstSeen.get(STEPS[j]);
          break;
        }
      }
      steps.put(
          STEPS[i],
          Duration.between(from, to).isNegative() ? Duration.ZERO : Duration.between(from, to));
    }
    return steps;
  }

  // ----------------------------------------------------------------------------------- seeding

  private void bulkTrades(LocalDate day, String prefix) throws IOException, InterruptedException {
    String body =
        "{\"day\":\"%s\",\"count\":%d,\"prefix\":\"%s\",\"amount\":\"%s\"}"
            .formatted(day, lines, prefix, AMOUNT.toPlainString());
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(sandboxUrl + "/api/gateway/bulk"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (answer.statusCode() != 204) {
      throw new IllegalStateException(
          "Sandbox bulk trades: HTTP " + answer.statusCode() + " " + answer.body());
    }
  }

  /** When trade {@code i} was paid: the sandbox's spread (see its BulkTrades), to the milli. */
  private Instant paidAt(LocalDate day, int i) {
    Instant start = day.atStartOfDay(CHINA).toInstant();
    long span =
        Duration.between(start, day.plusDays(1).atStartOfDay(CHINA).toInstant())
            .minusMinutes(30)
            .toMillis();
    return start.plusMillis(Math.floorDiv(span * i, lines));
  }

  private static long product(Connection connection) throws SQLException {
    return count(connection, "SELECT MIN(id) FROM product WHERE ? = ?", 1, 1);
  }

  private void insertOrders(Connection connection, LocalDate day, long product)
      throws SQLException {
    String[] names = productNames(connection, product);
    String row =
        "(?, ?, '"
            + TOKEN_HASH
            + "', "
            + product
            + ", ?, ?, ?, ?, 1, ?, '{}',"
            + " 'COMPLETED', ?, ?, ?)";
    String head =
        "INSERT INTO customer_order (id, order_no, access_token_hash, product_id, product_name_zh,"
            + " product_name_en, product_type, unit_price, quantity, amount, buyer_input, state,"
            + " payment_deadline, submitted_at, updated_at) VALUES ";
    insertRows(
        connection,
        head,
        row,
        (insert, p, i) -> {
          long id = FIRST_ID + i;
          LocalDateTime paid = utcTime(paidAt(day, i));
          insert.setLong(p++, id);
          insert.setString(p++, Long.toString(id));
          insert.setString(p++, names[0]);
          insert.setString(p++, names[1]);
          insert.setString(p++, names[2]);
          insert.setBigDecimal(p++, AMOUNT);
          insert.setBigDecimal(p++, AMOUNT);
          insert.setObject(p++, paid.plusMinutes(10));
          insert.setObject(p++, paid.minusSeconds(30));
          insert.setObject(p++, paid.plusSeconds(1));
          return p;
        },
        "orders");
  }

  private void insertPayments(Connection connection, LocalDate day, String prefix)
      throws SQLException {
    String head =
        "INSERT INTO payment_attempt (order_id, attempt_no, reference, provider, amount, state,"
            + " created_at, paid_at) VALUES ";
    String row = "(?, 1, ?, '" + PARTNER + "', ?, 'PAID', ?, ?)";
    insertRows(
        connection,
        head,
        row,
        (insert, p, i) -> {
          LocalDateTime paid = utcTime(paidAt(day, i));
          insert.setLong(p++, FIRST_ID + i);
          insert.setString(p++, prefix + String.format("%08d", i) + "P1");
          insert.setBigDecimal(p++, AMOUNT);
          insert.setObject(p++, paid.minusSeconds(20));
          insert.setObject(p++, paid);
          return p;
        },
        "payment attempts");
  }

  private interface Binder {
    int bind(PreparedStatement insert, int p, int i) throws SQLException;
  }

  private void insertRows(
      Connection connection, String head, String row, Binder binder, String what)
      throws SQLException {
    PreparedStatement full = null;
    int sinceCommit = 0;
    try {
      for (int first = 0; first < lines; first += ROWS_PER_INSERT) {
        int rows = Math.min(ROWS_PER_INSERT, lines - first);
        PreparedStatement insert;
        if (rows == ROWS_PER_INSERT) {
          if (full == null) {
            full =
                connection.prepareStatement(
                    head + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, row)));
          }
          insert = full;
        } else {
          insert =
              connection.prepareStatement(head + String.join(", ", Collections.nCopies(rows, row)));
        }
        int p = 1;
        for (int i = first; i < first + rows; i++) {
          p = binder.bind(insert, p, i);
        }
        insert.executeUpdate();
        if (insert != full) {
          insert.close();
        }
        sinceCommit += rows;
        if (sinceCommit >= ROWS_PER_COMMIT) {
          connection.commit();
          sinceCommit = 0;
          if ((first + rows) % 500_000 == 0) {
            out.printf("    %,d %s inserted%n", first + rows, what);
          }
        }
      }
      connection.commit();
    } finally {
      if (full != null) {
        full.close();
      }
    }
  }

  private static String[] productNames(Connection connection, long product) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT name_zh, name_en, type FROM product WHERE id = ?")) {
      query.setLong(1, product);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String[] names = {row.getString(1), row.getString(2), row.getString(3)};
        connection.commit();
        return names;
      }
    }
  }

  /** The next day no run has had: the base day plus the benchmark's runs so far. */
  private static LocalDate nextDay(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT MAX(day) FROM reconciliation_run WHERE kind = 'PAYMENT' AND partner = ?"
                + " AND day >= ? AND day < ?")) {
      query.setString(1, PARTNER);
      query.setObject(2, BASE_DAY);
      query.setObject(3, BASE_DAY.plusYears(5));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        java.sql.Date last = row.getDate(1);
        connection.commit();
        return last == null ? BASE_DAY : last.toLocalDate().plusDays(1);
      }
    }
  }

  // ---------------------------------------------------------------------------------- clean-up

  /** What a killed run left: the benchmark's orders, payments and staged lines. */
  private void removeLeftovers(Connection connection) throws SQLException {
    long left =
        count(
            connection,
            "SELECT COUNT(*) FROM customer_order WHERE id >= ? AND id < ?",
            FIRST_ID,
            LAST_ID);
    if (left > 0) {
      out.printf("  removing %,d reconciliation benchmark orders a killed run left ...%n", left);
    }
    removeRows(connection);
  }

  private static void removeRows(Connection connection) throws SQLException {
    String benchRuns =
        "(SELECT id FROM reconciliation_run WHERE kind = 'PAYMENT' AND partner = '"
            + PARTNER
            + "' AND day >= '"
            + BASE_DAY
            + "' AND day < '"
            + BASE_DAY.plusYears(5)
            + "')";
    deleteAll(
        connection, "DELETE FROM statement_line WHERE run_id IN " + benchRuns + " LIMIT 50000");
    deleteAll(
        connection, "DELETE FROM platform_only WHERE run_id IN " + benchRuns + " LIMIT 50000");
    deleteAll(
        connection,
        "DELETE FROM payment_attempt WHERE order_id >= "
            + FIRST_ID
            + " AND order_id < "
            + LAST_ID
            + " LIMIT 50000");
    deleteAll(
        connection,
        "DELETE FROM customer_order WHERE id >= "
            + FIRST_ID
            + " AND id < "
            + LAST_ID
            + " LIMIT 20000");
  }

  private static void deleteAll(Connection connection, String delete) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      while (statement.executeUpdate(delete) > 0) {
        connection.commit();
      }
      connection.commit();
    }
  }

  // ------------------------------------------------------------------------------- measurements

  /** The server's used heap in MB (MicroProfile Metrics), if it answers. */
  private Optional<Double> usedHeapMb() {
    for (String path :
        List.of("/metrics/base/memory.usedHeap", "/metrics?scope=base", "/metrics")) {
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(serverUrl + path))
                    .timeout(Duration.ofSeconds(5))
                    .header("Accept", "text/plain")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          Matcher used = USED_HEAP.matcher(answer.body());
          if (used.find()) {
            return Optional.of(Double.parseDouble(used.group(1)) / 1e6);
          }
        }
      } catch (IOException | RuntimeException e) {
        // the next form of the endpoint
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The sandbox's heap after a full GC, as {@code jcmd GC.heap_info} tells it. */
  private String sandboxHeap() {
    try {
      Path pidFile = home.resolve("sandbox").resolve("sandbox.pid");
      if (!Files.exists(pidFile)) {
        return "pid unknown";
      }
      String pid = Files.readString(pidFile).trim();
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      run(jcmd.toString(), pid, "GC.run");
      String info = run(jcmd.toString(), pid, "GC.heap_info");
      Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
      return used.find()
          ? "%d MB used of %d MB"
              .formatted(Long.parseLong(used.group(2)) / 1024, Long.parseLong(used.group(1)) / 1024)
          : info.lines().limit(3).toList().toString();
    } catch (IOException | RuntimeException e) {
      return "not measured: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "not measured";
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }

  /** Counts the server's statements running now, by their first 150 characters. */
  private static void sampleStatements(Connection connection, Map<String, Integer> samples)
      throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT info FROM information_schema.processlist WHERE command = 'Query'"
                    + " AND db = 'kameng' AND info NOT LIKE '%information_schema.processlist%'"
                    + " AND info NOT LIKE '%FROM reconciliation_run WHERE id = %'")) {
      while (rows.next()) {
        String text = rows.getString(1).replaceAll("\\s+", " ");
        samples.merge(
            text.length() > 150 ? text.substring(0, 150) + " ..." : text, 1, Integer::sum);
      }
    }
    connection.commit();
  }

  /** The statements seen most often, as seconds (200 ms per sample that saw one running). */
  private static List<String> sampledStatements(Map<String, Integer> samples) {
    return samples.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(12)
        .map(
            e ->
                "sampled ≈ %.1f s in the database: %s"
                    .formatted(e.getValue() * SAMPLE_EVERY.toMillis() / 1000.0, e.getKey()))
        .toList();
  }

  /** The plans of the match's UPDATEs and the platform-only query, as the server sends them. */
  private static List<String> plans(Connection connection, long runId) throws SQLException {
    List<String> plans = new ArrayList<>();
    String[] queries = {
      "EXPLAIN UPDATE statement_line l JOIN payment_attempt a ON a.reference = l.reference"
          + " SET l.record_id = a.id, l.record_state = a.state, l.record_amount = a.amount,"
          + " l.order_id = a.order_id WHERE l.run_id = "
          + runId
          + " AND l.line_type = 'PAYMENT'",
      "EXPLAIN UPDATE statement_line SET suspect = FALSE WHERE run_id = " + runId,
      "EXPLAIN SELECT a.id FROM payment_attempt a WHERE a.state = 'PAID' AND a.paid_at >="
          + " '2016-01-01' AND a.paid_at < '2016-01-02' AND a.provider = 'sandbox' AND NOT"
          + " EXISTS (SELECT 1 FROM statement_line l WHERE l.reference = a.reference AND"
          + " l.line_type = 'PAYMENT')"
    };
    String[] names = {"match: line to attempt", "match: suspect flag", "platform-only"};
    try (Statement statement = connection.createStatement()) {
      for (int q = 0; q < queries.length; q++) {
        StringBuilder plan = new StringBuilder(names[q]).append(":");
        try (ResultSet rows = statement.executeQuery(queries[q])) {
          while (rows.next()) {
            plan.append(
                " [%s %s key=%s rows=%s %s]"
                    .formatted(
                        rows.getString("table"),
                        rows.getString("type"),
                        rows.getString("key"),
                        rows.getString("rows"),
                        Optional.ofNullable(rows.getString("Extra")).orElse("")));
          }
        }
        plans.add(plan.toString());
      }
      connection.commit();
    }
    return plans;
  }

  // ------------------------------------------------------------------------------------ output

  void print(Outcome outcome) {
    out.println();
    out.printf(
        "Payment reconciliation of %s (run %d): %,d paid trades made at the sandbox in %.1f s,"
            + " %,d orders and payment attempts inserted over JDBC in %.1f s; server heap before"
            + " the run %.0f MB; sandbox heap with the trades %s.%n",
        outcome.day(),
        outcome.runId(),
        outcome.lines(),
        outcome.seedTrades().toMillis() / 1000.0,
        outcome.lines(),
        outcome.seedRows().toMillis() / 1000.0,
        outcome.heapBeforeMb(),
        outcome.sandboxHeap());
    out.println();
    double target = outcome.targetPart().toMillis() / 1000.0;
    out.println(
        "| lines | total s | fetch+check+load+match+classify s (target < 60) | lines/s | fetch s |"
            + " check s | load s | match s | classify s | fix s | report s | peak heap MB |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    Map<String, Duration> s = outcome.steps();
    out.printf(
        "| %,d | %.1f | %.1f (%s) | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |"
            + " %.0f |%n",
        outcome.lines(),
        outcome.total().toMillis() / 1000.0,
        target,
        target < TARGET_SECONDS ? "met" : "missed",
        outcome.lines() / (outcome.total().toMillis() / 1000.0),
        seconds(s.get("fetch")),
        seconds(s.get("check")),
        seconds(s.get("load")),
        seconds(s.get("match")),
        seconds(s.get("classify")),
        seconds(s.get("fix")),
        seconds(s.get("report")),
        outcome.peakHeapMb());
    out.println();
    out.printf(
        "Run %s%s; differences %d (expected 0); statement_line rows %,d and line count %,d"
            + " (expected %,d each): %s.%n",
        outcome.state(),
        outcome.failure() == null ? "" : " (" + outcome.failure() + ")",
        outcome.differences(),
        outcome.stagedLines(),
        outcome.lineCount(),
        outcome.lines(),
        outcome.right() ? "right" : "WRONG");
    out.printf(
        "Load rate: %,.0f lines/s. Steps are timed by 200 ms samples of reconciliation_run; the"
            + " match runs while the step still reads load with every line loaded.%n",
        s.get("load").isZero() ? 0 : outcome.lines() / seconds(s.get("load")));
    outcome.plans().forEach(plan -> out.println("  plan " + plan));
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  // ----------------------------------------------------------------------------------- helpers

  private static LocalDateTime utcTime(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant utc(LocalDateTime time) {
    return time.toInstant(ZoneOffset.UTC);
  }

  private static Connection connect(DatabaseSettings database) throws SQLException {
    Connection connection = RawJdbcReference.connect(database);
    try (Statement sql = connection.createStatement()) {
      sql.execute("SET time_zone = '+00:00'");
    }
    connection.setAutoCommit(false);
    return connection;
  }

  private static long count(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long value = rows.getLong(1);
        connection.commit();
        return value;
      }
    }
  }
}
