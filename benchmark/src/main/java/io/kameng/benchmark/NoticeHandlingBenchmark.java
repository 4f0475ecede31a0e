package io.kameng.benchmark;

import io.kameng.launcher.DatabaseSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * How fast Kameng takes the gateway's payment notices ({@code POST
 * /shop/api/v1/payments/notify/sandbox}), the other write every paid order makes, measured after
 * the orders against the raw JDBC reference of the same run at the same concurrency:
 *
 * <ol>
 *   <li><b>valid notices</b>, each paying one attempt (verify the signature, find the attempt, pay
 *       it by compare-and-set, lock the order and move it, a timeline event, the notice's record):
 *       closed loop at 1, 4 and 16 threads. A notice pays once, so the attempts are prepared
 *       beforehand (orders, payment starts and signatures, not measured), as many per run as the
 *       rate seen so far needs; a run that uses them all up ends its window at its last answer;
 *   <li><b>repeated notices</b>: the applied ones sent again, as a gateway does when it missed the
 *       answer; they must also answer {@code success} and change nothing (the compare-and-set
 *       fails, the notice is recorded as repeated).
 * </ol>
 *
 * Every notice must answer 200 {@code success}; afterwards the recorded notice outcomes are checked
 * in the database: one APPLIED per valid notice, one REPEATED per repeated one, nothing else.
 */
final class NoticeHandlingBenchmark {

  private static final int PREPARE_THREADS = 16;
  private static final int FIRST_BATCH = 3000;
  private static final double MARGIN = 1.3;

  /** One concurrency: notices and the raw reference. */
  record Row(int threads, Load.Result notices, Load.Result raw) {
    double ratio() {
      return notices.perSecond() / raw.perSecond();
    }
  }

  /** What was measured, and every call made (warm-ups and preparation included) for failures. */
  record Outcome(
      List<Row> valid, List<Row> repeated, List<Load.Result> preparation, List<Load.Result> sent) {}

  private final PaymentNotices notices;
  private final DatabaseSettings database;
  private final Duration warmUp;
  private final Duration measured;
  private final PrintStream out;

  NoticeHandlingBenchmark(
      PaymentNotices notices,
      DatabaseSettings database,
      Duration warmUp,
      Duration measured,
      PrintStream out) {
    this.notices = notices;
    this.database = database;
    this.warmUp = warmUp;
    this.measured = measured;
    this.out = out;
  }

  /** Runs at each concurrency of {@code raw} (the reference's results by threads). */
  Outcome run(Map<Integer, Load.Result> raw) throws Exception {
    Map<String, Long> before = outcomes();
    List<Load.Result> preparation = new ArrayList<>();
    List<Load.Result> sent = new ArrayList<>();
    Queue<PaymentNotices.Notice> pending = PaymentNotices.queue();
    Queue<PaymentNotices.Notice> applied = PaymentNotices.queue();

    preparation.add(prepare(FIRST_BATCH, pending));
    Load.Result warm =
        Load.closedLoop(4, Duration.ZERO, measured, notices.firstNotices(pending, applied));
    progress("notices warm-up, threads", 4, warm);
    sent.add(warm);
    double rate = warm.perSecond();
    List<Row> valid = new ArrayList<>();
    for (int threads : raw.keySet().stream().sorted().toList()) {
      long needed = (long) (rate * (warmUp.toSeconds() + measured.toSeconds()) * MARGIN);
      preparation.add(prepare((int) Math.max(0, needed - pending.size()), pending));
      Load.Result result =
          Load.closedLoop(threads, warmUp, measured, notices.firstNotices(pending, applied));
      progress("valid notices, threads", threads, result);
      valid.add(new Row(threads, result, raw.get(threads)));
      sent.add(result);
      rate = Math.max(rate, result.perSecond());
    }
    // Pay what is left, so that no unpaid attempt is queried at the gateway during what follows.
    sent.add(
        Load.closedLoop(
            4, Duration.ZERO, Duration.ofMinutes(10), notices.firstNotices(pending, applied)));
    List<Row> repeated = new ArrayList<>();
    for (int threads : raw.keySet().stream().sorted().toList()) {
      Load.Result result =
          Load.closedLoop(threads, warmUp, measured, notices.repeatedNotices(applied));
      progress("repeated notices, thr.", threads, result);
      repeated.add(new Row(threads, result, raw.get(threads)));
      sent.add(result);
    }
    long repeatedTaken = repeated.stream().mapToLong(row -> taken(row.notices())).sum();
    checkOutcomes(before, applied.size(), repeatedTaken, sent);
    return new Outcome(valid, repeated, preparation, sent);
  }

  private Load.Result prepare(int count, Queue<PaymentNotices.Notice> into)
      throws InterruptedException {
    if (count == 0) {
      return new Load.Result(Duration.ZERO, new long[0], 0, new Load.Failures());
    }
    Load.Result prepared = notices.prepare(count, PREPARE_THREADS, into);
    out.printf(
        "  prepared %,d payable orders in %.1f s, failed %d%n",
        count, prepared.window().toMillis() / 1000.0, prepared.failures().count());
    return prepared;
  }

  private static long taken(Load.Result result) {
    return result.attempts() - result.failures().count();
  }

  /**
   * Compares the notices recorded since {@code before} with what was answered {@code success}; a
   * difference is recorded as a failure of the last result.
   */
  private void checkOutcomes(
      Map<String, Long> before, long applied, long repeated, List<Load.Result> sent)
      throws SQLException {
    Map<String, Long> after = outcomes();
    Map<String, Long> expected = Map.of("APPLIED", applied, "REPEATED", repeated);
    for (String outcome : union(before, after)) {
      long recorded = after.getOrDefault(outcome, 0L) - before.getOrDefault(outcome, 0L);
      long wanted = expected.getOrDefault(outcome, 0L);
      out.printf("  notices recorded %s: %,d (expected %,d)%n", outcome, recorded, wanted);
      if (recorded != wanted) {
        sent.get(sent.size() - 1)
            .failures()
            .record(
                new IllegalStateException(
                    recorded + " notices recorded " + outcome + ", expected " + wanted));
      }
    }
  }

  private static List<String> union(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> all = new HashMap<>(a);
    all.putAll(b);
    all.putIfAbsent("APPLIED", 0L);
    all.putIfAbsent("REPEATED", 0L);
    return all.keySet().stream().sorted().toList();
  }

  private Map<String, Long> outcomes() throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Connection connection = RawJdbcReference.connect(database);
        Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery("SELECT outcome, COUNT(*) FROM payment_notice GROUP BY outcome")) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }

  private void progress(String what, int load, Load.Result result) {
    out.printf(
        "  %-24s %3d: %,8.1f/s  p50 %6.1f ms  p99 %6.1f ms  failed %d  (%.1f s)%n",
        what,
        load,
        result.perSecond(),
        result.millis(50),
        result.millis(99),
        result.failures().count(),
        result.window().toMillis() / 1000.0);
  }

  /** Prints the two tables in the style of the order table. */
  void print(Outcome outcome) {
    out.println();
    out.printf(
        "Payment notices: closed loop, per run warm-up %d s, measured up to %d s (a valid run ends"
            + " early when its prepared attempts are used up); raw JDBC as above.%n",
        warmUp.toSeconds(), measured.toSeconds());
    table("valid notices per s", outcome.valid(), true);
    table("repeated notices per s", outcome.repeated(), false);
  }

  private void table(String what, List<Row> rows, boolean window) {
    out.println();
    out.printf(
        "| threads | %s | p50 ms | p99 ms |%s raw JDBC tx/s | raw p99 ms | notices/raw |%n",
        what, window ? " measured s |" : "");
    out.println(
        window
            ? "|---:|---:|---:|---:|---:|---:|---:|---:|"
            : "|---:|---:|---:|---:|---:|---:|---:|");
    for (Row row : rows) {
      out.printf(
          "| %d | %.0f | %.1f | %.1f |%s %.0f | %.2f | %.1f%% |%n",
          row.threads(),
          row.notices().perSecond(),
          row.notices().millis(50),
          row.notices().millis(99),
          window ? String.format(" %.1f |", row.notices().window().toMillis() / 1000.0) : "",
          row.raw().perSecond(),
          row.raw().millis(99),
          100 * row.ratio());
    }
  }
}
