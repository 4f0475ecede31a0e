package io.kameng.benchmark;

import io.kameng.launcher.DatabaseSettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The escalation ladder at a million open orders: what the server's ladder scan ({@code
 * LadderScans}, every 2 s, batches of 100) costs while nothing is due, and how late it applies the
 * steps that come due.
 *
 * <ol>
 *   <li>Puts {@value #DEFAULT_ORDERS} open paid orders straight into {@code customer_order} over
 *       JDBC (multi-row INSERTs of {@value #ROWS_PER_INSERT} rows, a commit every {@value
 *       #ROWS_PER_COMMIT}): state FULFILLING, every other one waiting for a supplier's recharge of
 *       the demo's supplier product (owner SUPPLIER) or for a restock of a card-key product of the
 *       benchmark's own that has no stock (owner STOCK, out of stock; never listed, so the
 *       dispatcher can serve none of them), the ladder started now, the next step DELAY_NOTICE due
 *       30 to 90 minutes ahead, in the order of the ids (as orders paid one after the other). Their
 *       ids and order numbers are 18 digits starting with 9 ({@value #FIRST_ID} on); real order
 *       numbers start with the year.
 *   <li>Scan cost with nothing due: the scan's candidate query (as {@code DueRows} builds it),
 *       EXPLAINed (plan, key, estimated rows), ANALYZEd (rows actually read) and run {@value
 *       #SCAN_RUNS} times (p50/p99), before the orders, after the first {@code smallOrders} and
 *       after all of them; for comparison, the dispatcher's restock query (every 15 s), which reads
 *       every FULFILLING order.
 *   <li>Lag: a few of those orders are made due at planned times by updating their {@code
 *       ladder_due} (UTC, the database's time frame; the server's clock is real time here): a
 *       warm-up batch all at once, then {@code steadyOrders} at a steady rate over {@code
 *       steadySeconds} (the lag), then {@code burstOrders} all at once (what the scans get through
 *       per second). The benchmark then polls {@code order_event} every {@value #POLL_MILLIS} ms
 *       for the DELAYED events: per order the event's {@code occurred_at} (the server's time of the
 *       claiming scan) minus its planned due time, and the time the benchmark first saw the step
 *       committed minus the same.
 *   <li>Checks that exactly the orders made due were stepped, each once with one notice, and that
 *       the others still wait at DELAY_NOTICE; then waits for the webhooks of those notices and
 *       deletes the benchmark's orders, their events and notices and its product again (the
 *       benchmark database is kept between runs). A run killed before that leaves them behind: the
 *       next run removes them first ({@link #removeLeftovers}).
 * </ol>
 *
 * The sizes can be changed with the system properties {@code kameng.bench.ladder.orders}, {@code
 * .smallOrders}, {@code .warmUpOrders}, {@code .steadyOrders}, {@code .steadySeconds} and {@code
 * .burstOrders}.
 */
final class LadderBenchmark {

  static final long FIRST_ID = 900_000_000_000_000_000L;
  static final int DEFAULT_ORDERS = 1_000_000;
  static final int ROWS_PER_INSERT = 1_000;
  static final int ROWS_PER_COMMIT = 100_000;
  static final int SCAN_RUNS = 50;
  static final int RESTOCK_RUNS = 3;
  static final long POLL_MILLIS = 100;
  static final int CLAIM_BATCH = 100;
  static final Duration LAG_TARGET = Duration.ofSeconds(5);

  /** The candidate query of the ladder scan exactly as {@code DueRows.dueIds} builds it. */
  static final String CANDIDATES =
      "SELECT id FROM customer_order WHERE (TRUE) AND ladder_due <= ?"
          + " ORDER BY ladder_due LIMIT ?";

  /** The dispatcher's query for products whose orders wait for a restock. */
  static final String RESTOCK_QUERY =
      "SELECT DISTINCT product_id FROM customer_order WHERE state = 'FULFILLING'"
          + " AND stuck_reason = 'OUT_OF_STOCK'";

  /** The benchmark's card-key product, never listed, without stock. */
  static final String PRODUCT_NAME_EN = "Ladder benchmark card (never listed)";

  private static final Pattern HISTORY = Pattern.compile("History list length (\\d+)");

  private static final String PRODUCT_NAME_ZH = "阶梯基准测试卡（不上架）";

  /** When the bulk's first and last steps are due, after the start of the insert. */
  private static final Duration BULK_DUE_FROM = Duration.ofMinutes(30);

  private static final Duration BULK_DUE_SPREAD = Duration.ofMinutes(60);

  /** How long before the first planned due time the due times are written. */
  private static final Duration LEAD = Duration.ofSeconds(5);

  /** How long after its last due time a run waits for its steps. */
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  /** How long the clean-up waits for the webhooks of the benchmark's notices. */
  private static final Duration NOTICE_PATIENCE = Duration.ofMinutes(3);

  private static final String COLUMNS =
      "INSERT INTO customer_order (id, order_no, access_token_hash, product_id, product_name_zh,"
          + " product_name_en, product_type, unit_price, quantity, amount, buyer_input, buyer_ip,"
          + " state, owner, deadline, expected_at, stuck_reason, payment_deadline, submitted_at,"
          + " updated_at, buyer_key, ladder_from, ladder_step, ladder_due) VALUES ";
  private static final String ROW =
      "(?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 'FULFILLING', ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " 'DELAY_NOTICE', ?)";

  /** The guest's access token is never stored, only its hash: nobody can open these orders. */
  private static final String TOKEN_HASH = "0".repeat(64);

  /** How many orders, and how many of them are made due, and how. */
  record Settings(
      int orders,
      int smallOrders,
      int warmUpOrders,
      int steadyOrders,
      Duration steadyOver,
      int burstOrders) {

    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("kameng.bench.ladder.orders", DEFAULT_ORDERS),
          Integer.getInteger("kameng.bench.ladder.smallOrders", 10_000),
          Integer.getInteger("kameng.bench.ladder.warmUpOrders", 1_000),
          Integer.getInteger("kameng.bench.ladder.steadyOrders", 3_000),
          Duration.ofSeconds(Long.getLong("kameng.bench.ladder.steadySeconds", 60)),
          Integer.getInteger("kameng.bench.ladder.burstOrders", 5_000));
    }

    int madeDue() {
      return warmUpOrders + steadyOrders + burstOrders;
    }
  }

  /** The scan's cost at one size. */
  record ScanCost(
      long onLadder,
      String type,
      String key,
      String estimated,
      String read,
      double p50,
      double p99,
      double restockMillis) {}

  /** The lags of one run of due orders, in microseconds, sorted. */
  record Run(
      String name,
      int due,
      Duration over,
      long[] applied,
      long[] seen,
      int batches,
      double stepsPerSecond,
      int missing) {}

  /** Everything measured and checked. */
  record Outcome(
      int orders,
      Duration insert,
      List<ScanCost> scans,
      List<Run> runs,
      String check,
      boolean right,
      Duration cleanUp) {}

  /** A product the orders are of, and who they wait for. */
  private record Product(
      long id,
      String nameZh,
      String nameEn,
      String type,
      BigDecimal price,
      String owner,
      String stuckReason,
      boolean mobile) {}

  private final DatabaseSettings database;
  private final Settings settings;
  private final PrintStream out;

  LadderBenchmark(DatabaseSettings database, Settings settings, PrintStream out) {
    this.database = database;
    this.settings = settings;
    this.out = out;
    if (settings.orders() < settings.madeDue() || settings.orders() < settings.smallOrders()) {
      throw new IllegalArgumentException(
          "kameng.bench.ladder.orders ("
              + settings.orders()
              + ") must be at least the orders made due ("
              + settings.madeDue()
              + ") and kameng.bench.ladder.smallOrders ("
              + settings.smallOrders()
              + ")");
    }
  }

  /** Removes what a killed run left behind (orders, their rows, the product); quick when none. */
  static void removeLeftovers(DatabaseSettings database, PrintStream out) throws SQLException {
    try (Connection connection = connect(database)) {
      long left = count(connection, "SELECT COUNT(*) FROM customer_order WHERE id >= ?", FIRST_ID);
      if (left > 0) {
        out.printf("Removing %,d ladder benchmark orders a killed run left behind ...%n", left);
        Duration took = delete(connection);
        out.printf("  removed in %.1f s%n", took.toMillis() / 1000.0);
      } else {
        deleteProducts(connection);
      }
    }
  }

  Outcome run() throws Exception {
    try (Connection connection = connect(database)) {
      Product stock = createProduct(connection);
      Product supplier = supplierProduct(connection);
      List<Product> products = supplier == null ? List.of(stock) : List.of(supplier, stock);
      out.printf(
          "Escalation ladder: %,d open orders of %s over JDBC%n",
          settings.orders(),
          products.stream().map(p -> p.nameEn() + " (" + p.owner() + ")").toList());
      List<ScanCost> scans = new ArrayList<>();
      scans.add(scanCost(connection));
      Instant start = Instant.now();
      long began = System.nanoTime();
      insert(connection, products, start, 0, settings.smallOrders());
      Duration smallInsert = Duration.ofNanos(System.nanoTime() - began);
      scans.add(scanCost(connection));
      long rest = System.nanoTime();
      insert(connection, products, start, settings.smallOrders(), settings.orders());
      Duration insert = smallInsert.plusNanos(System.nanoTime() - rest);
      out.printf(
          "  inserted %,d orders in %.1f s (%,.0f rows/s)%n",
          settings.orders(),
          insert.toMillis() / 1000.0,
          settings.orders() / (insert.toNanos() / 1e9));
      scans.add(scanCost(connection));

      long[] ids = madeDue();
      int w = settings.warmUpOrders();
      int k = settings.steadyOrders();
      List<Run> runs = new ArrayList<>();
      runs.add(makeDue(connection, "warm-up", Arrays.copyOfRange(ids, 0, w), Duration.ZERO));
      runs.add(
          makeDue(connection, "steady", Arrays.copyOfRange(ids, w, w + k), settings.steadyOver()));
      runs.add(
          makeDue(connection, "burst", Arrays.copyOfRange(ids, w + k, ids.length), Duration.ZERO));
      if (Instant.now().isAfter(start.plus(BULK_DUE_FROM))) {
        out.println("  WARNING: the bulk's first steps came due before the runs ended");
      }
      Check check = check(connection, ids);
      out.println("  " + check.text());
      awaitNotices(connection);
      long cleaning = System.nanoTime();
      delete(connection);
      Duration cleanUp = Duration.ofNanos(System.nanoTime() - cleaning);
      out.printf("  removed the benchmark's orders in %.1f s%n", cleanUp.toMillis() / 1000.0);
      boolean right = check.right() && runs.stream().allMatch(run -> run.missing() == 0);
      return new Outcome(settings.orders(), insert, scans, runs, check.text(), right, cleanUp);
    }
  }

  /**
   * Waits (at most 3 minutes) until InnoDB has purged what the clean-up deleted (its history list
   * shorter than 1,000), so the phases that follow do not measure the purge; says how long it took.
   */
  String awaitPurge() throws SQLException, InterruptedException {
    long began = System.nanoTime();
    long giveUp = began + Duration.ofMinutes(3).toNanos();
    long first = -1;
    long length;
    try (Connection connection = connect(database);
        Statement sql = connection.createStatement()) {
      do {
        try (ResultSet rows = sql.executeQuery("SHOW ENGINE INNODB STATUS")) {
          rows.next();
          Matcher history = HISTORY.matcher(rows.getString("Status"));
          length = history.find() ? Long.parseLong(history.group(1)) : 0;
        }
        first = first < 0 ? length : first;
        if (length >= 1_000) {
          Thread.sleep(1000);
        }
      } while (length >= 1_000 && System.nanoTime() < giveUp);
    }
    return String.format(
        "InnoDB's history list: %,d after the clean-up, %,d %.1f s later",
        first, length, (System.nanoTime() - began) / 1e9);
  }

  // ---------------------------------------------------------------------------------- the orders

  private Product createProduct(Connection connection) throws SQLException {
    deleteProducts(connection);
    BigDecimal price = new BigDecimal("98.00");
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO product (name_zh, name_en, type, face_value, price, channel,"
                + " min_quantity, max_quantity, listed, created_at, sold_out)"
                + " VALUES (?, ?, 'CARD_KEY', 100.00, ?, 'CARD_KEY', 1, 1, FALSE, ?, TRUE)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, PRODUCT_NAME_ZH);
      insert.setString(2, PRODUCT_NAME_EN);
      insert.setBigDecimal(3, price);
      insert.setObject(4, utc(Instant.now()));
      insert.executeUpdate();
      connection.commit();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Product(
            keys.getLong(1),
            PRODUCT_NAME_ZH,
            PRODUCT_NAME_EN,
            "CARD_KEY",
            price,
            "STOCK",
            "OUT_OF_STOCK",
            false);
      }
    }
  }

  /** The demo's first mobile top-up from a supplier, if there is one. */
  private static Product supplierProduct(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT id, name_zh, name_en, type, price FROM product WHERE channel = 'SUPPLIER'"
                    + " AND type IN ('PHONE_TOPUP', 'DATA_TOPUP') ORDER BY id LIMIT 1")) {
      if (!rows.next()) {
        return null;
      }
      return new Product(
          rows.getLong(1),
          rows.getString(2),
          rows.getString(3),
          rows.getString(4),
          rows.getBigDecimal(5),
          "SUPPLIER",
          null,
          true);
    }
  }

  /**
   * Inserts the orders {@code from} (inclusive) to {@code to}, the ladder started at {@code t0}.
   */
  private void insert(Connection connection, List<Product> products, Instant t0, int from, int to)
      throws SQLException {
    PreparedStatement full = null;
    int sinceCommit = 0;
    try {
      for (int first = from; first < to; first += ROWS_PER_INSERT) {
        int rows = Math.min(ROWS_PER_INSERT, to - first);
        PreparedStatement insert;
        if (rows == ROWS_PER_INSERT) {
          if (full == null) {
            full = connection.prepareStatement(insertOf(ROWS_PER_INSERT));
          }
          insert = full;
        } else {
          insert = connection.prepareStatement(insertOf(rows));
        }
        int p = 1;
        for (int i = first; i < first + rows; i++) {
          p = bind(insert, p, i, products.get(i % products.size()), t0);
        }
        insert.executeUpdate();
        if (insert != full) {
          insert.close();
        }
        sinceCommit += rows;
        if (sinceCommit >= ROWS_PER_COMMIT) {
          connection.commit();
          sinceCommit = 0;
          if ((first + rows) % 200_000 == 0) {
            out.printf("  %,d orders inserted%n", first + rows);
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

  private static String insertOf(int rows) {
    return COLUMNS + String.join(", ", Collections.nCopies(rows, ROW));
  }

  /** Binds order {@code i} from parameter {@code p} on; answers the next parameter. */
  private int bind(PreparedStatement insert, int p, int i, Product product, Instant t0)
      throws SQLException {
    long id = FIRST_ID + i;
    String contact =
        product.mobile()
            ? "139" + String.format("%08d", i % 100_000_000)
            : "l" + i + "@bench.example";
    String field = product.mobile() ? "mobileNumber" : "deliveryContact";
    Instant paid = t0.minusSeconds(60);
    // The next step after the delay notice (the exception pool) is 2 h after the ladder's start.
    LocalDateTime deadline = utc(t0.plus(Duration.ofHours(2)));
    insert.setLong(p++, id);
    insert.setString(p++, Long.toString(id));
    insert.setString(p++, TOKEN_HASH);
    insert.setLong(p++, product.id());
    insert.setString(p++, product.nameZh());
    insert.setString(p++, product.nameEn());
    insert.setString(p++, product.type());
    insert.setBigDecimal(p++, product.price());
    insert.setBigDecimal(p++, product.price());
    insert.setString(p++, "{\"" + field + "\":\"" + contact + "\"}");
    insert.setString(p++, "198.51.100." + (i % 254 + 1));
    insert.setString(p++, product.owner());
    insert.setObject(p++, deadline);
    insert.setObject(p++, deadline);
    insert.setString(p++, product.stuckReason());
    insert.setObject(p++, utc(paid.plus(Duration.ofMinutes(10))));
    insert.setObject(p++, utc(paid.minusSeconds(60)));
    insert.setObject(p++, utc(paid));
    insert.setString(p++, contact);
    insert.setObject(p++, utc(t0));
    insert.setObject(p++, utc(bulkDue(t0, i)));
    return p;
  }

  /** The bulk's due times: in the order of the ids, 30 to 90 minutes after the start. */
  private Instant bulkDue(Instant t0, int i) {
    return t0.plus(BULK_DUE_FROM).plusNanos(BULK_DUE_SPREAD.toNanos() / settings.orders() * i);
  }

  /** The ids of the orders made due, spread over all: warm-up, steady, burst. */
  private long[] madeDue() {
    int due = settings.madeDue();
    long[] ids = new long[due];
    for (int j = 0; j < due; j++) {
      ids[j] = FIRST_ID + (long) ((j + 0.5) * settings.orders() / due);
    }
    return ids;
  }

  // ------------------------------------------------------------------------------- the scan cost

  private ScanCost scanCost(Connection connection) throws SQLException {
    long onLadder =
        count(connection, "SELECT COUNT(*) FROM customer_order WHERE ladder_due IS NOT NULL");
    String type;
    String key;
    String estimated;
    String read;
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + CANDIDATES)) {
      bindCandidates(explain);
      try (ResultSet plan = explain.executeQuery()) {
        plan.next();
        type = plan.getString("type");
        key = plan.getString("key");
        estimated = plan.getString("rows");
      }
    }
    try (PreparedStatement analyze = connection.prepareStatement("ANALYZE " + CANDIDATES)) {
      bindCandidates(analyze);
      try (ResultSet plan = analyze.executeQuery()) {
        plan.next();
        read = plan.getString("r_rows");
      }
    }
    long[] nanos = new long[SCAN_RUNS];
    try (PreparedStatement candidates = connection.prepareStatement(CANDIDATES)) {
      for (int run = 0; run < SCAN_RUNS; run++) {
        long began = System.nanoTime();
        bindCandidates(candidates);
        try (ResultSet rows = candidates.executeQuery()) {
          while (rows.next()) {
            rows.getLong(1);
          }
        }
        nanos[run] = System.nanoTime() - began;
      }
    }
    connection.commit();
    Arrays.sort(nanos);
    long[] restock = new long[RESTOCK_RUNS];
    try (Statement sql = connection.createStatement()) {
      for (int run = 0; run < RESTOCK_RUNS; run++) {
        long began = System.nanoTime();
        try (ResultSet rows = sql.executeQuery(RESTOCK_QUERY)) {
          while (rows.next()) {
            rows.getLong(1);
          }
        }
        restock[run] = System.nanoTime() - began;
      }
    }
    connection.commit();
    Arrays.sort(restock);
    ScanCost cost =
        new ScanCost(
            onLadder,
            type,
            key,
            estimated,
            read,
            percentile(nanos, 50) / 1e6,
            percentile(nanos, 99) / 1e6,
            percentile(restock, 50) / 1e6);
    out.printf(
        "  scan with nothing due, %,d orders on the ladder: %s on %s, %s rows estimated, %s read;"
            + " p50 %.2f ms, p99 %.2f ms; restock query %.1f ms%n",
        onLadder, type, key, estimated, read, cost.p50(), cost.p99(), cost.restockMillis());
    return cost;
  }

  private static void bindCandidates(PreparedStatement statement) throws SQLException {
    statement.setObject(1, utc(Instant.now()));
    statement.setInt(2, CLAIM_BATCH);
  }

  // ------------------------------------------------------------------------------------ the lag

  /**
   * Makes {@code ids} due from {@link #LEAD} on, evenly over {@code over} (all at once when zero),
   * and waits until the server has stepped them all or {@link #PATIENCE} after the last one.
   */
  private Run makeDue(Connection connection, String name, long[] ids, Duration over)
      throws SQLException, InterruptedException {
    long watermark = count(connection, "SELECT COALESCE(MAX(id), 0) FROM order_event");
    Instant first = Instant.now().plus(LEAD);
    Instant[] planned = new Instant[ids.length];
    Map<Long, Integer> index = new HashMap<>();
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE customer_order SET ladder_due = ? WHERE id = ?")) {
      for (int j = 0; j < ids.length; j++) {
        planned[j] = first.plusNanos(over.toNanos() / ids.length * j);
        index.put(ids[j], j);
        update.setObject(1, utc(planned[j]));
        update.setLong(2, ids[j]);
        update.addBatch();
      }
      update.executeBatch();
      connection.commit();
    }
    if (Instant.now().isAfter(first)) {
      out.printf(
          "  WARNING: the %s due times were written only %d ms after the first was due%n",
          name, Duration.between(first, Instant.now()).toMillis());
    }
    Instant[] occurred = new Instant[ids.length];
    Instant[] seen = new Instant[ids.length];
    int found = 0;
    Instant giveUp = first.plus(over).plus(PATIENCE);
    try (PreparedStatement events =
        connection.prepareStatement(
            "SELECT order_id, occurred_at FROM order_event WHERE id > ? AND event = 'DELAYED'"
                + " AND order_id >= ?")) {
      events.setLong(1, watermark);
      events.setLong(2, FIRST_ID);
      while (found < ids.length && Instant.now().isBefore(giveUp)) {
        Thread.sleep(POLL_MILLIS);
        // A step committed before the query began is visible to it: the query's start is when
        // it was seen at the latest.
        Instant asked = Instant.now();
        try (ResultSet rows = events.executeQuery()) {
          while (rows.next()) {
            Integer j = index.get(rows.getLong(1));
            if (j != null && seen[j] == null) {
              seen[j] = asked;
              occurred[j] = rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
              found++;
            }
          }
        }
        connection.commit();
      }
    }
    long[] applied = new long[found];
    long[] visible = new long[found];
    Set<Instant> scans = new HashSet<>();
    Instant last = first;
    int n = 0;
    for (int j = 0; j < ids.length; j++) {
      if (seen[j] != null) {
        applied[n] = Duration.between(planned[j], occurred[j]).toNanos() / 1000;
        visible[n] = Duration.between(planned[j], seen[j]).toNanos() / 1000;
        n++;
        scans.add(occurred[j]);
        last = seen[j].isAfter(last) ? seen[j] : last;
      }
    }
    Arrays.sort(applied);
    Arrays.sort(visible);
    double window = Duration.between(first, last).toNanos() / 1e9;
    Run run =
        new Run(
            name,
            ids.length,
            over,
            applied,
            visible,
            scans.size(),
            window > 0 ? found / window : Double.NaN,
            ids.length - found);
    out.printf(
        "  %-7s %,6d due over %3d s: stepped %,d, lag p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms;"
            + " seen p99 %,.0f ms; %d batches, %,.0f steps/s%s%n",
        name,
        ids.length,
        over.toSeconds(),
        found,
        percentile(applied, 50) / 1e3,
        percentile(applied, 99) / 1e3,
        percentile(applied, 100) / 1e3,
        percentile(visible, 99) / 1e3,
        run.batches(),
        run.stepsPerSecond(),
        run.missing() == 0 ? "" : ", " + run.missing() + " NOT STEPPED");
    return run;
  }

  // ---------------------------------------------------------------------- checks and clean-up

  private record Check(String text, boolean right) {}

  /** Exactly the orders made due were stepped, each once, with one notice; the rest wait. */
  private Check check(Connection connection, long[] due) throws SQLException {
    long events =
        count(
            connection,
            "SELECT COUNT(*) FROM order_event WHERE order_id >= ? AND event = 'DELAYED'",
            FIRST_ID);
    long ordersWithEvents =
        count(
            connection,
            "SELECT COUNT(DISTINCT order_id) FROM order_event WHERE order_id >= ?",
            FIRST_ID);
    long notices =
        count(connection, "SELECT COUNT(*) FROM order_notice WHERE order_id >= ?", FIRST_ID);
    Map<String, Long> steps = new TreeMap<>();
    try (PreparedStatement sql =
        connection.prepareStatement(
            "SELECT COALESCE(ladder_step, 'none'), COUNT(*) FROM customer_order WHERE id >= ?"
                + " GROUP BY ladder_step")) {
      sql.setLong(1, FIRST_ID);
      try (ResultSet rows = sql.executeQuery()) {
        while (rows.next()) {
          steps.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    connection.commit();
    long waiting = settings.orders() - due.length;
    Map<String, Long> expected = new TreeMap<>();
    if (waiting > 0) {
      expected.put("DELAY_NOTICE", waiting);
    }
    expected.put("EXCEPTION_POOL", (long) due.length);
    boolean right =
        events == due.length
            && ordersWithEvents == due.length
            && notices == due.length
            && steps.equals(expected);
    String text =
        String.format(
            "%s: %,d DELAYED events on %,d orders and %,d notices for %,d orders made due;"
                + " next steps %s (expected DELAY_NOTICE %,d, EXCEPTION_POOL %,d)",
            right ? "Steps checked" : "STEPS WRONG",
            events,
            ordersWithEvents,
            notices,
            due.length,
            steps,
            waiting,
            due.length);
    return new Check(text, right);
  }

  /** Waits until the webhooks of the benchmark's notices were sent (at most 3 minutes). */
  private void awaitNotices(Connection connection) throws SQLException, InterruptedException {
    long began = System.nanoTime();
    long giveUp = began + NOTICE_PATIENCE.toNanos();
    long pending;
    do {
      pending =
          count(
              connection,
              "SELECT COUNT(*) FROM order_notice WHERE order_id >= ? AND delivery = 'PENDING'",
              FIRST_ID);
      if (pending > 0) {
        Thread.sleep(1000);
      }
    } while (pending > 0 && System.nanoTime() < giveUp);
    out.printf(
        "  notices' webhooks %s after %.1f s%n",
        pending == 0 ? "all sent" : pending + " still PENDING", (System.nanoTime() - began) / 1e9);
  }

  /**
   * Deletes the benchmark's orders and every row the ladder gives them (timeline events, notices
   * and their delivery attempts, compensation vouchers), in chunks, then its product.
   */
  private static Duration delete(Connection connection) throws SQLException {
    long began = System.nanoTime();
    deleteAll(
        connection,
        "DELETE FROM notice_attempt WHERE notice_id IN"
            + " (SELECT id FROM order_notice WHERE order_id >= ?) LIMIT 50000");
    deleteAll(connection, "DELETE FROM order_notice WHERE order_id >= ? LIMIT 50000");
    deleteAll(connection, "DELETE FROM compensation_voucher WHERE order_id >= ? LIMIT 50000");
    deleteAll(connection, "DELETE FROM order_event WHERE order_id >= ? LIMIT 50000");
    deleteAll(connection, "DELETE FROM customer_order WHERE id >= ? LIMIT 20000");
    deleteProducts(connection);
    return Duration.ofNanos(System.nanoTime() - began);
  }

  private static void deleteAll(Connection connection, String delete) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(delete)) {
      statement.setLong(1, FIRST_ID);
      while (statement.executeUpdate() > 0) {
        connection.commit();
      }
      connection.commit();
    }
  }

  private static void deleteProducts(Connection connection) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM product WHERE name_en = ? AND NOT EXISTS"
                + " (SELECT 1 FROM customer_order o WHERE o.product_id = product.id)")) {
      delete.setString(1, PRODUCT_NAME_EN);
      delete.executeUpdate();
      connection.commit();
    }
  }

  // ------------------------------------------------------------------------------------ output

  /** Prints the figures as Markdown tables, like the other benchmarks. */
  void print(Outcome outcome) {
    out.println();
    out.printf(
        "Escalation ladder: %,d open paid orders (FULFILLING, waiting for a supplier or a"
            + " restock; next step DELAY_NOTICE due 30-90 min ahead) inserted over JDBC in %.1f s"
            + " (%,.0f rows/s); the server's scan runs every 2 s and claims %d per batch.%n",
        outcome.orders(),
        outcome.insert().toMillis() / 1000.0,
        outcome.orders() / (outcome.insert().toNanos() / 1e9),
        CLAIM_BATCH);
    out.println();
    out.printf(
        "Scan cost with nothing due: the scan's candidate query, %d runs each (target: does not"
            + " grow with the orders that are not due); the dispatcher's restock query (every"
            + " 15 s) for comparison, median of %d.%n%n",
        SCAN_RUNS, RESTOCK_RUNS);
    out.println(
        "| orders on the ladder | plan | key | rows (EXPLAIN) | rows read (ANALYZE) | p50 ms"
            + " | p99 ms | restock query ms |");
    out.println("|---:|---|---|---:|---:|---:|---:|---:|");
    for (ScanCost scan : outcome.scans()) {
      out.printf(
          "| %,d | %s | %s | %s | %s | %.2f | %.2f | %.1f |%n",
          scan.onLadder(),
          scan.type(),
          scan.key(),
          scan.estimated(),
          scan.read(),
          scan.p50(),
          scan.p99(),
          scan.restockMillis());
    }
    out.println();
    out.printf(
        "Lag at %,d open orders: planned due time to the DELAYED event's occurred_at (the"
            + " server's time of the claiming scan), and to the step seen committed (polled every"
            + " %d ms); steps/s from the first due time to the last step seen.%n%n",
        outcome.orders(), POLL_MILLIS);
    out.println(
        "| run | orders due | over s | stepped | lag p50 ms | p99 ms | max ms | seen p50 ms"
            + " | seen p99 ms | seen max ms | scans' batches | steps/s | target p99 < 5 s |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Run run : outcome.runs()) {
      out.printf(
          "| %s | %,d | %d | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %d | %,.0f |"
              + " %s |%n",
          run.name(),
          run.due(),
          run.over().toSeconds(),
          run.applied().length,
          percentile(run.applied(), 50) / 1e3,
          percentile(run.applied(), 99) / 1e3,
          percentile(run.applied(), 100) / 1e3,
          percentile(run.seen(), 50) / 1e3,
          percentile(run.seen(), 99) / 1e3,
          percentile(run.seen(), 100) / 1e3,
          run.batches(),
          run.stepsPerSecond(),
          run.name().equals("steady")
              ? (run.missing() == 0 && percentile(run.applied(), 99) < LAG_TARGET.toNanos() / 1e3
                  ? "met"
                  : "missed")
              : "-");
    }
    out.println();
    out.println(outcome.check() + ".");
    out.printf(
        "The benchmark's orders were removed again in %.1f s.%n",
        outcome.cleanUp().toMillis() / 1000.0);
  }

  // ------------------------------------------------------------------------------------ helpers

  /** The value at percentile {@code p} (nearest rank) of sorted values; NaN when there are none. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** An instant as the UTC wall time the TIMESTAMP columns hold (the session is in UTC). */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A connection to Kameng's database, autocommit off, its session in UTC. */
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
