package io.kameng.benchmark;

import io.kameng.launcher.DatabaseSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The whole automatic fulfilment of a card-key order over HTTP, as its buyer lives it: {@code POST
 * /orders}, {@code POST /orders/{no}/payments} (the platform creates the payment at the sandbox
 * gateway), the gateway's signed payment notice, and then {@code GET /orders/{no}} until the buyer
 * sees the card key (the platform dispatches the paid order in the background and issues the key),
 * looking again after 2, 4, 8 … at most 64 ms, so the looks do not flood the server the way a tight
 * loop would. Each pipeline's time runs from the order's submission to the key seen; closed loop at
 * 1, 4 and 16 buyers, compared with the raw JDBC reference of the same run at the same concurrency.
 *
 * <p>The keys are stocked beforehand through the admin console's stock page (10,000 per import, as
 * many as the rate seen so far needs), not measured. Afterwards the keys issued to the measured
 * product are checked in the database: exactly one per completed pipeline, no order with two.
 */
final class FulfilmentPipelineBenchmark {

  static final double TARGET = 0.15;
  private static final int IMPORT_SIZE = 10_000;
  private static final double MARGIN = 1.5;

  /** The first pause between two looks at the order; it doubles up to {@link #POLL_MAX}. */
  private static final long POLL_FIRST_MILLIS = 2;

  /** The longest pause between two looks: about what a buyer's page waits between refreshes. */
  private static final long POLL_MAX = 64;

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** One concurrency: pipelines and the raw reference. */
  record Row(int threads, Load.Result pipelines, Load.Result raw) {
    double ratio() {
      return pipelines.perSecond() / raw.perSecond();
    }
  }

  /** What was measured, by threads; the key check. */
  record Outcome(Map<Integer, Load.Result> runs, String keyCheck, boolean keysRight) {}

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

  /**
   * Runs at each of {@code concurrencies}. Run it before the order benchmark: the unpaid orders
   * that one leaves are cancelled by the expiry scan 15 minutes later, work that would run in the
   * background of these measurements.
   */
  Outcome run(int[] concurrencies) throws Exception {
    long issuedBefore = issued();
    Map<Integer, Load.Result> runs = new TreeMap<>();
    double rate = 100;
    for (int threads : concurrencies) {
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
      runs.put(threads, pipelines);
      rate = Math.max(rate, pipelines.perSecond() * 2);
    }
    long issued = issued() - issuedBefore;
    boolean right = issued == completed.get() && ordersWithTwoKeys() == 0;
    return new Outcome(
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
    long pause = POLL_FIRST_MILLIS;
    while (!orders.keysDelivered(placed)) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException(placed.orderNo() + ": no card key within " + PATIENCE);
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, POLL_MAX);
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

  /** Prints the figures next to the raw JDBC reference of the same run ({@code raw} by threads). */
  void print(Outcome outcome, Map<Integer, Load.Result> raw) {
    out.println();
    out.printf(
        "Fulfilment pipeline: POST /orders, POST /payments, signed notice, GET until the card key"
            + " shows; closed loop, warm-up %d s, measured %d s; time from submission to key.%n%n",
        warmUp.toSeconds(), measured.toSeconds());
    out.println(
        "| threads | pipelines per s | p50 ms | p99 ms | raw JDBC tx/s | pipelines/raw"
            + " | target >= 15% |");
    out.println("|---:|---:|---:|---:|---:|---:|---|");
    outcome
        .runs()
        .forEach(
            (threads, pipelines) -> {
              Row row = new Row(threads, pipelines, raw.get(threads));
              out.printf(
                  "| %d | %.0f | %.1f | %.1f | %.0f | %.1f%% | %s |%n",
                  threads,
                  pipelines.perSecond(),
                  pipelines.millis(50),
                  pipelines.millis(99),
                  row.raw().perSecond(),
                  100 * row.ratio(),
                  row.ratio() >= TARGET ? "met" : "missed");
            });
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
