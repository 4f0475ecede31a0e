package io.kameng.reconciliation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The reconciliation of one partner's statement of one China-time day: one row per (kind, partner,
 * day), whatever the number of servers or starts; a re-run of the day reuses the row (its attempt
 * counts up) and replaces its result. It carries the job's progress, the statement file kept, and
 * the day's money as the statement and the platform see it.
 *
 * <p>Life cycle: RUNNING → COMPLETED, or → WAITING (statement not ready; asked again) → RUNNING …,
 * or → FAILED (refused file, crash) / STATEMENT_MISSING (never came before the deadline); a run not
 * RUNNING may be started again.
 */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 10)
  private StatementKind kind;

  @Column(nullable = false, updatable = false, length = 32)
  private String partner;

  @Column(nullable = false, updatable = false)
  private LocalDate day;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RunState state;

  @Column(nullable = false)
  private int attempt;

  @Column(name = "execution_id")
  private Long executionId;

  /** The server JVM whose job works on it: {@code <instance>@<host>#<JVM start>}. */
  @Column(length = 160)
  private String runner;

  @Column(length = 20)
  private String step;

  @Column(nullable = false)
  private long items;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(length = 500)
  private String failure;

  @Column(name = "next_try_at")
  private Instant nextTryAt;

  @Column(name = "file_version")
  private Integer fileVersion;

  @Column(name = "file_sha256", length = 64)
  private String fileSha256;

  @Column(name = "file_size")
  private Long fileSize;

  @Column(name = "file_path", length = 500)
  private String filePath;

  @Column(name = "line_count")
  private Long lineCount;

  @Column(name = "resumed_at_line")
  private Long resumedAtLine;

  @Column(name = "statement_received", precision = 19, scale = 2)
  private BigDecimal statementReceived;

  @Column(name = "statement_refunded", precision = 19, scale = 2)
  private BigDecimal statementRefunded;

  @Column(name = "statement_fees", precision = 19, scale = 2)
  private BigDecimal statementFees;

  @Column(name = "platform_received", precision = 19, scale = 2)
  private BigDecimal platformReceived;

  @Column(name = "platform_refunded", precision = 19, scale = 2)
  private BigDecimal platformRefunded;

  @Column(name = "platform_fees", precision = 19, scale = 2)
  private BigDecimal platformFees;

  @Column(precision = 19, scale = 2)
  private BigDecimal explained;

  @Version private long version;

  protected ReconciliationRun() {}

  public Long id() {
    return id;
  }

  public StatementKind kind() {
    return kind;
  }

  public String partner() {
    return partner;
  }

  public LocalDate day() {
    return day;
  }

  public RunState state() {
    return state;
  }

  public int attempt() {
    return attempt;
  }

  public Optional<Long> executionId() {
    return Optional.ofNullable(executionId);
  }

  public Optional<String> step() {
    return Optional.ofNullable(step);
  }

  public long items() {
    return items;
  }

  public String startedBy() {
    return startedBy;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public Optional<Instant> nextTryAt() {
    return Optional.ofNullable(nextTryAt);
  }

  public Optional<String> filePath() {
    return Optional.ofNullable(filePath);
  }

  public Optional<String> fileSha256() {
    return Optional.ofNullable(fileSha256);
  }

  public Optional<Long> fileSize() {
    return Optional.ofNullable(fileSize);
  }

  public Optional<Integer> fileVersion() {
    return Optional.ofNullable(fileVersion);
  }

  public Optional<Long> lineCount() {
    return Optional.ofNullable(lineCount);
  }

  /** The day's money: the statement's side, the platform's, and what listed differences explain. */
  public Optional<MoneySummary> money() {
    if (statementReceived == null || platformReceived == null || explained == null) {
      return Optional.empty();
    }
    return Optional.of(
        new MoneySummary(
            statementReceived,
            statementRefunded,
            statementFees,
            platformReceived,
            platformRefunded,
            platformFees,
            explained));
  }

  /**
   * A run a killed server left behind starts again where its last committed chunk left it: the kept
   * file and what was loaded stay.
   */
  public void resume(String by, Instant now) {
    long loaded = items;
    String at = step;
    start(by, now);
    resumedAtLine = "load".equals(at) ? loaded : null;
    step = at;
    items = loaded;
  }

  /** Where a resumed run continued its load: the lines loaded before the crash. */
  public Optional<Long> resumedAtLine() {
    return Optional.ofNullable(resumedAtLine);
  }

  /** A run of the day starts (again): its result is replaced. */
  public void start(String by, Instant now) {
    if (!state.mayStart(true)) {
      throw new ReconciliationException(
          "reconciliation.running", "The reconciliation of " + day + " is running");
    }
    state = RunState.RUNNING;
    attempt++;
    startedBy = by;
    startedAt = now;
    endedAt = null;
    failure = null;
    nextTryAt = null;
    executionId = null;
    runner = null;
    step = "fetch";
    items = 0;
    explained = null;
    resumedAtLine = null;
  }

  /** The platform's side of the day, as the match step compared it. */
  public void compared(BigDecimal received, BigDecimal refunded, BigDecimal fees) {
    platformReceived = received;
    platformRefunded = refunded;
    platformFees = fees;
  }

  /** Money the differences and pool entries found by this run's classification account for. */
  public void explain(BigDecimal amount) {
    explained = (explained == null ? BigDecimal.ZERO.setScale(2) : explained).add(amount);
  }

  /** The job working on it now, on the server JVM {@code runner}. */
  public void attach(long executionId, String runner) {
    this.executionId = executionId;
    this.runner = runner;
  }

  public Optional<String> runner() {
    return Optional.ofNullable(runner);
  }

  public void progress(String step, long items) {
    this.step = step;
    this.items = items;
  }

  public void fileKept(int version, String sha256, long size, String path) {
    fileVersion = version;
    fileSha256 = sha256;
    fileSize = size;
    filePath = path;
  }

  public void checked(StatementTotals totals) {
    lineCount = totals.lines();
    statementReceived = totals.received();
    statementRefunded = totals.refunded();
    statementFees = totals.fees();
  }

  public void waitForStatement(Instant nextTry, Instant now) {
    state = RunState.WAITING;
    nextTryAt = nextTry;
    step = null;
    endedAt = now;
  }

  public void statementMissing(Instant now) {
    state = RunState.STATEMENT_MISSING;
    nextTryAt = null;
    failure = "statement missing";
    endedAt = now;
  }

  public void fail(String reason, Instant now) {
    state = RunState.FAILED;
    failure = reason == null ? "failed" : reason.substring(0, Math.min(500, reason.length()));
    nextTryAt = null;
    endedAt = now;
  }

  public void complete(Instant now) {
    state = RunState.COMPLETED;
    if (explained == null) {
      explained = BigDecimal.ZERO.setScale(2);
    }
    step = "report";
    nextTryAt = null;
    endedAt = now;
  }
}
