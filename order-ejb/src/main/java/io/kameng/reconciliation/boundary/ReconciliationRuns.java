package io.kameng.reconciliation.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import io.kameng.reconciliation.control.DifferenceFixes;
import io.kameng.reconciliation.control.DifferenceRules;
import io.kameng.reconciliation.control.StatementFormat;
import io.kameng.reconciliation.control.StatementMatching;
import io.kameng.reconciliation.control.StatementSource;
import io.kameng.reconciliation.control.TradeBill;
import io.kameng.reconciliation.entity.Comparison;
import io.kameng.reconciliation.entity.Difference;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.Finding;
import io.kameng.reconciliation.entity.ReconciliationException;
import io.kameng.reconciliation.entity.ReconciliationRun;
import io.kameng.reconciliation.entity.RunState;
import io.kameng.reconciliation.entity.StatementKind;
import io.kameng.reconciliation.entity.StatementLine;
import io.kameng.reconciliation.entity.StatementRefusedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * The steps of a reconciliation run, as the batch jobs call them, and the one-run-per-day guard. A
 * run is opened under the unique key (kind, partner, day) with its row locked, so of any number of
 * concurrent starts on any number of servers one runs and the others are refused; a re-run reuses
 * the row and replaces the result.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class ReconciliationRuns {

  private static final Logger LOG = Logger.getLogger(ReconciliationRuns.class.getName());

  /** How often a statement that is not ready is asked for again. */
  public static final Duration NOT_READY_RETRY = Duration.ofMinutes(30);

  @PersistenceContext EntityManager em;
  @Inject PlatformClock clock;
  @Inject StatementMatching matching;
  @Inject DifferenceFixes fixes;
  @Inject Instance<StatementSource> sources;
  @Resource SessionContext context;

  @Resource(lookup = "jdbc/kameng")
  javax.sql.DataSource dataSource;

  /** Whether the step found the statement, or the partner said it is not ready yet. */
  public enum Fetched {
    READY,
    NOT_READY
  }

  /** The partners whose statements of {@code kind} are reconciled. */
  public List<String> partners(StatementKind kind) {
    return sources.stream().filter(s -> s.kind() == kind).map(StatementSource::partner).toList();
  }

  /**
   * Opens the day's run for a new job; refused while one runs, and for a completed day unless
   * {@code rerun}. Answers the run's id.
   */
  public long open(StatementKind kind, String partner, LocalDate day, String by, boolean rerun) {
    source(kind, partner);
    if (day.isAfter(LocalDate.ofInstant(clock.now(), TradeBill.CHINA))) {
      throw new ReconciliationException(
          "reconciliation.dayInFuture", "The day " + day + " has not begun yet");
    }
    long id = context.getBusinessObject(ReconciliationRuns.class).row(kind, partner, day, by);
    ReconciliationRun run = em.find(ReconciliationRun.class, id, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(run);
    if (!run.state().mayStart(rerun)) {
      throw new ReconciliationException(
          run.state() == RunState.RUNNING ? "reconciliation.running" : "reconciliation.done",
          "The reconciliation of " + day + " with " + partner + " is " + run.state());
    }
    run.start(by, clock.now());
    return id;
  }

  /**
   * The day's row, inserted if missing in a transaction of its own: concurrent inserts of one key
   * then wait for each other instead of deadlocking on the key's gap with a locking read.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long row(StatementKind kind, String partner, LocalDate day, String by) {
    em.createNativeQuery(
            "INSERT IGNORE INTO reconciliation_run (kind, partner, day, state, attempt, started_by,"
                + " started_at) VALUES (?1, ?2, ?3, 'FAILED', 0, ?4, ?5)")
        .setParameter(1, kind.name())
        .setParameter(2, partner)
        .setParameter(3, Date.valueOf(day))
        .setParameter(4, by)
        .setParameter(5, Timestamp.from(clock.now()))
        .executeUpdate();
    return ((Number)
            em.createNativeQuery(
                    "SELECT id FROM reconciliation_run WHERE kind = ?1 AND partner = ?2"
                        + " AND day = ?3")
                .setParameter(1, kind.name())
                .setParameter(2, partner)
                .setParameter(3, Date.valueOf(day))
                .getSingleResult())
        .longValue();
  }

  /**
   * Resumes a run a killed server left RUNNING (after it was marked failed): from the last
   * committed chunk, with the kept file.
   */
  public long resume(long runId, String by) {
    ReconciliationRun run = em.find(ReconciliationRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(run);
    if (run.state() == RunState.RUNNING) {
      throw new ReconciliationException(
          "reconciliation.running", "The reconciliation of " + run.day() + " is running");
    }
    run.resume(by, clock.now());
    return runId;
  }

  public void attach(long runId, long executionId) {
    run(runId).attach(executionId, runner());
  }

  /**
   * This server JVM, as runs record who works on them: the instance, the host and the JVM's start
   * time, so that after a restart the runs the old JVM left RUNNING are told from live ones.
   */
  public static String runner() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return System.getProperty("com.sun.aas.instanceName", "server")
        + "@"
        + host
        + "#"
        + java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  public ReconciliationRun find(long runId) {
    return run(runId);
  }

  /**
   * Fetches the statement and keeps it (with its SHA-256 and size; a file that differs from the
   * last one kept is a new version). Not in a transaction: nothing is held while the partner
   * answers.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Fetched fetch(long runId, int attempt) {
    ReconciliationRuns self = context.getBusinessObject(ReconciliationRuns.class);
    ReconciliationRun run = self.find(runId);
    StatementSource source = source(run.kind(), run.partner());
    Path dir = statementsDir().resolve(run.kind().name().toLowerCase()).resolve(run.partner());
    try {
      Files.createDirectories(dir);
      Path download = Files.createTempFile(dir, run.day().toString(), ".part");
      boolean ready;
      try {
        ready = source.fetch(run.day(), download);
      } catch (RuntimeException e) {
        Files.deleteIfExists(download);
        self.failAttempt(runId, attempt, "The statement could not be fetched: " + rootMessage(e));
        throw e;
      }
      if (!ready) {
        Files.deleteIfExists(download);
        self.notReady(runId, attempt);
        return Fetched.NOT_READY;
      }
      String sha256 = sha256(download);
      long size = Files.size(download);
      self.keepFile(runId, attempt, download, sha256, size);
      return Fetched.READY;
    } catch (IOException e) {
      self.failAttempt(runId, attempt, "The statement could not be stored: " + e.getMessage());
      throw new UncheckedIOException(e);
    }
  }

  public void keepFile(long runId, int attempt, Path download, String sha256, long size)
      throws IOException {
    requireCurrent(runId, attempt);
    ReconciliationRun run = run(runId);
    Object[] last =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(MAX(version), 0), MAX(CASE WHEN sha256 = ?2 THEN version END)"
                        + " FROM statement_file WHERE run_id = ?1")
                .setParameter(1, runId)
                .setParameter(2, sha256)
                .getSingleResult();
    int latest = ((Number) last[0]).intValue();
    Integer same = last[1] == null ? null : ((Number) last[1]).intValue();
    String extension = run.kind() == StatementKind.PAYMENT ? ".csv.zip" : ".csv";
    int version = same != null && same == latest ? latest : latest + 1;
    Path file = download.resolveSibling(run.day() + "-v" + version + extension);
    Files.move(download, file, StandardCopyOption.REPLACE_EXISTING);
    if (version != latest) {
      em.createNativeQuery(
              "INSERT INTO statement_file (run_id, version, sha256, size, path, fetched_at)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, runId)
          .setParameter(2, version)
          .setParameter(3, sha256)
          .setParameter(4, size)
          .setParameter(5, file.toString())
          .setParameter(6, Timestamp.from(clock.now()))
          .executeUpdate();
    }
    run.fileKept(version, sha256, size, file.toString());
    run.progress("check", 0);
  }

  /** The statement is not ready: asked again in 30 minutes, or missing after the deadline. */
  public void notReady(long runId, int attempt) {
    requireCurrent(runId, attempt);
    ReconciliationRun run = run(runId);
    Instant now = clock.now();
    Instant deadline =
        run.day()
            .plusDays(1)
            .atTime(LocalTime.of((int) LiveSettings.count(Setting.RECONCILIATION_DEADLINE_HOUR), 0))
            .atZone(TradeBill.CHINA)
            .toInstant();
    Instant next = now.plus(NOT_READY_RETRY);
    if (next.isAfter(deadline)) {
      run.statementMissing(now);
      LOG.warning(() -> "No statement of " + run.day() + " from " + run.partner());
    } else {
      run.waitForStatement(next, now);
    }
  }

  /**
   * Checks the kept file whole: its totals against its rows. A file that fails is refused whole and
   * the run fails with the reason; nothing of it is loaded.
   */
  public void check(long runId) {
    ReconciliationRun run = run(runId);
    try {
      run.checked(StatementFormat.of(run.kind()).check(Path.of(run.filePath().orElseThrow())));
      run.progress("load", 0);
    } catch (StatementRefusedException e) {
      context.getBusinessObject(ReconciliationRuns.class).failRun(runId, e.getMessage());
      throw e;
    }
  }

  /** Starts loading afresh: what an earlier run of the day loaded is forgotten. */
  public void startLoad(long runId) {
    matching.clear(runId);
  }

  /** One chunk of lines; {@code position} is how many lines are loaded with it. */
  public void load(long runId, List<StatementLine> lines, long position) {
    matching.load(runId, lines);
    run(runId).progress("load", position);
  }

  /**
   * Matches every line with the platform's records, finds the platform's records of the day that no
   * statement has, the pool entries a line now matches, and the order checks; answers how many
   * items need classifying.
   */
  public int match(long runId) {
    ReconciliationRun run = run(runId);
    BigDecimal rate = source(run.kind(), run.partner()).feeRate();
    // The day's result is replaced: what an earlier run found and nobody acted on is found again
    // if it still differs; what was fixed, tried or resolved stays on record.
    em.createNativeQuery(
            "DELETE FROM reconciliation_difference WHERE run_id = ?1 AND state = 'OPEN'"
                + " AND fix IS NULL AND resolved_at IS NULL")
        .setParameter(1, runId)
        .executeUpdate();
    int suspects = matching.match(run, rate);
    int platformOnly = matching.findPlatformOnly(run);
    BigDecimal[] totals = matching.platformTotals(run, rate);
    run.compared(totals[0], totals[1], totals[2]);
    em.createNativeQuery(
            "UPDATE reconciliation_pool p SET p.state = 'MATCHED', p.left_day = ?3"
                + " WHERE p.kind = ?1 AND p.partner = ?2 AND p.state = 'WAITING' AND EXISTS"
                + " (SELECT 1 FROM statement_line l WHERE l.run_id = ?4 AND l.line_type ="
                + " p.line_type AND (l.reference = p.record_key OR l.refund_no = p.record_key))")
        .setParameter(1, run.kind().name())
        .setParameter(2, run.partner())
        .setParameter(3, Date.valueOf(run.day()))
        .setParameter(4, runId)
        .executeUpdate();
    if (run.kind() == StatementKind.PAYMENT) {
      record(runId, matching.orderChecks(run));
    }
    run.progress("classify", 0);
    return suspects + platformOnly;
  }

  /** The items after line {@code afterLine} that did not agree, at most {@code limit}. */
  public List<Comparison> suspects(long runId, long afterLine, int limit) {
    ReconciliationRun run = run(runId);
    return matching.suspects(run, source(run.kind(), run.partner()).feeRate(), afterLine, limit);
  }

  /** The platform's records of the day that no statement has. */
  public List<Comparison> platformOnly(long runId) {
    ReconciliationRun run = run(runId);
    return matching.platformOnly(run, source(run.kind(), run.partner()).feeRate());
  }

  /** Stores what the rules found: new differences, and the same ones again updated. */
  public void record(long runId, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    ReconciliationRun run = run(runId);
    Instant now = clock.now();
    // One read for the chunk: the differences a run of the day found before under these keys.
    java.util.Map<String, Difference> known = new java.util.HashMap<>();
    em.createQuery(
            "SELECT d FROM Difference d WHERE d.runId = :run AND d.matchKey IN :keys",
            Difference.class)
        .setParameter("run", runId)
        .setParameter("keys", findings.stream().map(Finding::matchKey).distinct().toList())
        .getResultList()
        .forEach(d -> known.put(d.kind() + " " + d.matchKey(), d));
    List<Finding> fresh = new java.util.ArrayList<>();
    for (Finding finding : findings) {
      Difference found = known.get(finding.kind() + " " + finding.matchKey());
      if (found != null) {
        found.update(finding);
      } else if (fresh.stream()
          .noneMatch(f -> f.kind() == finding.kind() && f.matchKey().equals(finding.matchKey()))) {
        fresh.add(finding);
      }
    }
    insert(run, fresh, now);
  }

  /** New differences, with one multi-row INSERT (a bill may hold many unknown lines). */
  private void insert(ReconciliationRun run, List<Finding> findings, Instant now) {
    if (findings.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO reconciliation_difference (run_id, kind, match_key, day, order_id,"
                + " order_no, statement_line, platform_record, amount, state, found_at) VALUES ");
    for (int i = 0; i < findings.size(); i++) {
      sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,'OPEN',?)");
    }
    // Plain JDBC on the transaction's connection: EclipseLink looks each native-query parameter
    // up in a list, which makes a chunk's INSERT quadratic in its parameters.
    try (java.sql.Connection connection = dataSource.getConnection();
        java.sql.PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (Finding finding : findings) {
        Difference difference = new Difference(run.id(), run.day(), finding, now);
        insert.setLong(p++, run.id());
        insert.setString(p++, finding.kind().name());
        insert.setString(p++, finding.matchKey());
        insert.setDate(p++, Date.valueOf(run.day()));
        insert.setObject(p++, finding.orderId());
        insert.setString(p++, finding.orderNo());
        insert.setString(p++, difference.statementLine().orElse(null));
        insert.setString(p++, difference.platformRecord().orElse(null));
        insert.setBigDecimal(p++, finding.amount());
        insert.setTimestamp(p++, Timestamp.from(now));
      }
      insert.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException(
          "Could not store " + findings.size() + " differences", e);
    }
  }

  /**
   * A chunk of the classification: its differences and pool entries stored, and the money they
   * account for added to what the run explains (in the chunk's transaction, so a restarted chunk
   * counts once).
   */
  public void classified(long runId, List<Finding> findings, List<Comparison> pooled) {
    record(runId, findings);
    pool(runId, pooled);
    ReconciliationRun run = run(runId);
    findings.forEach(finding -> run.explain(finding.amount()));
    pooled.forEach(item -> run.explain(DifferenceRules.gap(item)));
  }

  /** Records near the cut-off that wait for a later statement. */
  public void pool(long runId, List<Comparison> items) {
    ReconciliationRun run = run(runId);
    for (Comparison item : items) {
      em.createNativeQuery(
              "INSERT IGNORE INTO reconciliation_pool (kind, partner, record_key, line_type,"
                  + " record_id, order_id, amount, day, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                  + " ?8, 'WAITING')")
          .setParameter(1, run.kind().name())
          .setParameter(2, run.partner())
          .setParameter(3, item.refundNo() != null ? item.refundNo() : item.reference())
          .setParameter(4, item.type().name())
          .setParameter(5, item.recordId())
          .setParameter(6, item.orderId())
          .setParameter(7, DifferenceRules.gap(item))
          .setParameter(8, Date.valueOf(run.day()))
          .executeUpdate();
    }
  }

  /**
   * Pool entries that waited the pool days without a statement having them become differences of
   * the run that finds them.
   */
  public int expirePool(long runId) {
    ReconciliationRun run = run(runId);
    LocalDate limit = run.day().minusDays(LiveSettings.count(Setting.RECONCILIATION_POOL_DAYS));
    @SuppressWarnings("unchecked")
    List<Object[]> expired =
        em.createNativeQuery(
                "SELECT p.id, p.record_key, p.line_type, p.amount, p.order_id, o.order_no, p.day"
                    + " FROM reconciliation_pool p LEFT JOIN customer_order o ON o.id = p.order_id"
                    + " WHERE p.kind = ?1 AND p.partner = ?2 AND p.state = 'WAITING'"
                    + " AND p.day <= ?3")
            .setParameter(1, run.kind().name())
            .setParameter(2, run.partner())
            .setParameter(3, Date.valueOf(limit))
            .getResultList();
    for (Object[] row : expired) {
      DifferenceKind kind =
          switch ((String) row[2]) {
            case "PAYMENT" -> DifferenceKind.GATEWAY_MISSING;
            case "REFUND" -> DifferenceKind.STATUS_MISMATCH;
            default -> DifferenceKind.SUPPLIER_MISSING;
          };
      record(
          runId,
          List.of(
              new Finding(
                  kind,
                  (String) row[1],
                  row[4] == null ? null : ((Number) row[4]).longValue(),
                  (String) row[5],
                  null,
                  row[2]
                      + " "
                      + row[1]
                      + " of "
                      + row[6]
                      + ": no statement had it in the pool days",
                  (BigDecimal) row[3])));
      em.createNativeQuery(
              "UPDATE reconciliation_pool SET state = 'EXPIRED', left_day = ?2 WHERE id = ?1")
          .setParameter(1, row[0])
          .setParameter(2, Date.valueOf(run.day()))
          .executeUpdate();
    }
    return expired.size();
  }

  /** The run's differences that wait for the platform's own fix. */
  public List<Long> awaitingFix(long runId) {
    return em.createQuery(
            "SELECT d.id FROM Difference d WHERE d.runId = :run AND d.state ="
                + " io.kameng.reconciliation.entity.DifferenceState.OPEN AND d.fixedAt IS NULL"
                + " AND d.fix IS NULL AND d.orderId IS NOT NULL ORDER BY d.id",
            Long.class)
        .setParameter("run", runId)
        .getResultList();
  }

  /** Fixes one difference in a transaction of its own, so one that fails leaves the others. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fix(long differenceId) {
    Difference difference = em.find(Difference.class, differenceId, LockModeType.PESSIMISTIC_WRITE);
    if (difference == null || !difference.awaitsFix()) {
      return;
    }
    Instant now = clock.now();
    DifferenceFixes.Outcome outcome = fixes.fix(difference, now);
    if (outcome.done()) {
      difference.fixed(outcome.what(), now);
    } else if (outcome.retry()) {
      LOG.warning(() -> "Difference " + differenceId + " not fixed yet: " + outcome.what());
    } else {
      difference.notFixed(outcome.what());
    }
    run(difference.runId()).progress("fix", 0);
  }

  /** Ends the run with the day's money summary. */
  public void report(long runId) {
    run(runId).complete(clock.now());
  }

  /** Ends the run as failed with {@code reason}, whatever the caller's transaction does. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failRun(long runId, String reason) {
    ReconciliationRun run = run(runId);
    if (run.state() == RunState.RUNNING) {
      run.fail(reason, clock.now());
    }
  }

  /** Ends the run as failed if its attempt {@code attempt} is still the one running. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failAttempt(long runId, int attempt, String reason) {
    ReconciliationRun run = run(runId);
    if (run.state() == RunState.RUNNING && run.attempt() == attempt) {
      run.fail(reason, clock.now());
    }
  }

  /**
   * Refuses a job whose attempt is no longer the run's running one (a newer attempt of the day
   * started, or the run ended): a job that lingers (a retry that outlived its run, a chunk after a
   * failure) writes nothing over its successor.
   */
  public void requireCurrent(long runId, int attempt) {
    ReconciliationRun run = run(runId);
    if (run.state() != RunState.RUNNING || run.attempt() != attempt) {
      throw new ReconciliationException(
          "reconciliation.superseded",
          "Attempt " + attempt + " of run " + runId + " is over (" + run.state() + ")");
    }
  }

  /**
   * Runs left RUNNING by an earlier JVM of this server (it was killed or stopped during the run):
   * RUNNING, started by this instance on this host, but not by this JVM.
   */
  public List<ReconciliationRun> leftRunning() {
    String me = runner();
    String server = me.substring(0, me.indexOf('#') + 1);
    return em
        .createQuery(
            "SELECT r FROM ReconciliationRun r WHERE r.state ="
                + " io.kameng.reconciliation.entity.RunState.RUNNING",
            ReconciliationRun.class)
        .getResultList()
        .stream()
        .filter(r -> r.runner().filter(x -> x.startsWith(server) && !x.equals(me)).isPresent())
        .toList();
  }

  /** Runs waiting for a statement whose next try is due. */
  public List<ReconciliationRun> waitingDue() {
    return em.createQuery(
            "SELECT r FROM ReconciliationRun r WHERE r.state ="
                + " io.kameng.reconciliation.entity.RunState.WAITING AND r.nextTryAt <= :now",
            ReconciliationRun.class)
        .setParameter("now", clock.now())
        .getResultList();
  }

  /** Whether the day has a run with the partner in any state. */
  public boolean exists(StatementKind kind, String partner, LocalDate day) {
    return !em.createQuery(
            "SELECT r.id FROM ReconciliationRun r WHERE r.kind = :kind AND r.partner = :partner"
                + " AND r.day = :day",
            Long.class)
        .setParameter("kind", kind)
        .setParameter("partner", partner)
        .setParameter("day", day)
        .getResultList()
        .isEmpty();
  }

  private ReconciliationRun run(long runId) {
    ReconciliationRun run = em.find(ReconciliationRun.class, runId);
    if (run == null) {
      throw new ReconciliationException("reconciliation.noRun", "No run " + runId);
    }
    return run;
  }

  private StatementSource source(StatementKind kind, String partner) {
    return sources.stream()
        .filter(s -> s.kind() == kind && s.partner().equals(partner))
        .findFirst()
        .orElseThrow(
            () ->
                new ReconciliationException(
                    "reconciliation.unknownPartner", "No " + kind + " statements from " + partner));
  }

  /** Where statement files are kept: {@code kameng.reconciliation.dir}, else the domain's. */
  static Path statementsDir() {
    String configured = System.getProperty("kameng.reconciliation.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "reconciliation");
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
