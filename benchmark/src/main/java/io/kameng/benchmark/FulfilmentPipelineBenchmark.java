package io.kameng.benchmark;

import io.kameng.launcher.DatabaseSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The whole automatic fulfilment of a card-key order over HTTP, as its buyer lives it: {@code POST
 * /orders}, {@code POST /orders/{no}/payments} (the platform creates the payment at the sandbox
 * gateway), the gateway's signed payment notice, and then {@code GET /orders/{no}} until the buyer
 * sees the card key (the platform dispatches the paid order in the background and issues the key).
 * Each pipeline's time runs from the order's submission to the key seen; closed loop at 1, 4 and 16
 * buyers, compared with the raw JDBC reference of the same run at the same concurrency.
 *
 * <p>The keys are stocked beforehand through the admin console's stock page (10,000 per import, as
 * many as the rate seen so far needs), not measured. Afterwards the keys issued to the measured
 * product are checked in the database: exactly one per completed pipeline, no order with two.
 */
final class FulfilmentPipelineBenchmark {

  static final double TARGET = 0.15;
  private static final int IMPORT_SIZE = 10_000;
  private static final double MARGIN = 1.5;
  private static final Duration POLL = Duration.ofMillis(2);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** One concurrency: pipelines and the raw reference. */
  record Row(int threads, Load.Result pipelines, Load.Result raw) {
    double ratio() {
      return pipelines.perSecond() / raw.perSecond();
    }
  }

  /** What was measured; every pipeline run (warm-up included) for failures; the key check. */
  record Outcome(List<Row> rows, List<Load.Result> runs, String keyCheck, boolean keysRight) {}

  private final OrderApi orders;
  private final PaymentNotices notices;
  private final AdminConsole console;
  private final DatabaseSettings database;
  private final Duration warmUp;
  private final Duration measured;
  private final PrintStream out;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong keysMade = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();

  FulfilmentPipelineBenchmark(
      OrderApi orders,
      PaymentNotices notices,
      AdminConsole console,
      DatabaseSettings database,
      Duration warmUp,
      Duration measured,
      PrintStream out) {
    this.orders = orders;
    this.notices = notices;
    this.console = console;
    this.database = database;
    this.warmUp = warmUp;
    this.measured = measured;
    this.out = out;
  }

  /** Runs at each concurrency of {@code raw} (the reference's results by threads). */
  Outcome run(Map<Integer, Load.Result> raw) throws Exception {
    long issuedBefore = issued();
    List<Row> rows = new ArrayList<>();
    List<Load.Result> runs = new ArrayList<>();
    double rate = 100;
    for (Map.Entry<Integer, Load.Result> reference : raw.entrySet()) {
      int threads = reference.getKey();
      stock((long) (rate * (warmUp.plus(measured).toMillis() / 1000.0) * MARGIN));
      Load.Result pipelines = Load.closedLoop(threads, warmUp, measured, thread -> this::pipeline);
      out.printf(
          "  %-22s %3d: %,8.1f/s  p50 %6.1f ms  p99 %6.1f ms  failed %d%n",
          "pipelines, threads",
          threads,
          pipelines.perSecond(),
          pipelines.millis(50),
          pipelines.millis(99),
          pipelines.failures().count());
      rows.add(new Row(threads, pipelines, reference.getValue()));
      runs.add(pipelines);
      rate = Math.max(rate, pipelines.perSecond() * 2);
    }
    long issued = issued() - issuedBefore;
    boolean right = issued == completed.get() && ordersWithTwoKeys() == 0;
    return new Outcome(
        rows,
        runs,
        String.format(
            "%,d keys issued for %,d completed pipelines (one key each); orders given two keys: %d",
            issued, completed.get(), ordersWithTwoKeys()),
        right);
  }

  /** One buyer's pipeline, from the order to its key on the order page. */
  private void pipeline() throws Exception {
    OrderApi.Placed placed = orders.placeAndStartPayment();
    notices.send(notices.signed(placed));
    long giveUp = System.nanoTime() + PATIENCE.toNanos();
    while (!orders.keysDelivered(placed)) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException(placed.orderNo() + ": no card key within " + PATIENCE);
      }
      Thread.sleep(POLL.toMillis());
    }
    completed.incrementAndGet();
  }

  /** Imports keys until at least {@code needed} are in stock. */
  void stock(long needed) throws Exception {
    int available = console.available(orders.productId());
    while (available < needed) {
      long from = keysMade.getAndAdd(IMPORT_SIZE);
      String keys =
          LongStream.range(from, from + IMPORT_SIZE)
              .mapToObj(n -> "BENCH-" + run + "-" + n)
              .collect(Collectors.joining("\n"));
      long start = System.nanoTime();
      available = console.importKeys(orders.productId(), keys);
      out.printf(
          "  stocked %,d keys through the admin console in %.1f s (%,d in stock)%n",
          IMPORT_SIZE, (System.nanoTime() - start) / 1e9, available);
    }
  }

  void print(Outcome outcome) {
    out.println();
    out.printf(
        "Fulfilment pipeline: POST /orders, POST /payments, signed notice, GET until the card key"
            + " shows; closed loop, warm-up %d s, measured %d s; time from submission to key.%n%n",
        warmUp.toSeconds(), measured.toSeconds());
    out.println(
        "| threads | pipelines per s | p50 ms | p99 ms | raw JDBC tx/s | pipelines/raw"
            + " | target >= 15% |");
    out.println("|---:|---:|---:|---:|---:|---:|---|");
    for (Row row : outcome.rows()) {
      out.printf(
          "| %d | %.0f | %.1f | %.1f | %.0f | %.1f%% | %s |%n",
          row.threads(),
          row.pipelines().perSecond(),
          row.pipelines().millis(50),
          row.pipelines().millis(99),
          row.raw().perSecond(),
          100 * row.ratio(),
          row.ratio() >= TARGET ? "met" : "missed");
    }
    out.println();
    out.println(
        (outcome.keysRight() ? "Keys checked: " : "KEYS WRONG: ") + outcome.keyCheck() + ".");
  }

  private long issued() throws SQLException {
    return count(
        "SELECT COUNT(*) FROM card_key WHERE product_id = ? AND state = 'ISSUED'",
        orders.productId());
  }

  private long ordersWithTwoKeys() throws SQLException {
    return count(
        "SELECT COUNT(*) FROM (SELECT order_id FROM card_key WHERE product_id = ?"
            + " AND state = 'ISSUED' GROUP BY order_id HAVING COUNT(*) > 1) x",
        orders.productId());
  }

  private long count(String sql, long productId) throws SQLException {
    try (Connection connection = RawJdbcReference.connect(database);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, productId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
