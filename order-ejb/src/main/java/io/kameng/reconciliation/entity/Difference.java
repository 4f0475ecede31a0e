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
import java.util.Objects;
import java.util.Optional;

/**
 * One difference a run found: its kind, the statement's line and the platform's record as text, the
 * order, the money it accounts for (statement minus platform), what was done about it
 * automatically, and a person's resolution with a note. Keyed by run, kind and match key, so a
 * re-run of the day finds the same difference again instead of a new one.
 */
@Entity
@Table(name = "reconciliation_difference")
public class Difference {

  public static final int NOTE_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "run_id", nullable = false, updatable = false)
  private Long runId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 40)
  private DifferenceKind kind;

  @Column(name = "match_key", nullable = false, updatable = false, length = 80)
  private String matchKey;

  @Column(nullable = false, updatable = false)
  private LocalDate day;

  @Column(name = "order_id")
  private Long orderId;

  @Column(name = "order_no", length = 32)
  private String orderNo;

  @Column(name = "statement_line", length = 1000)
  private String statementLine;

  @Column(name = "platform_record", length = 1000)
  private String platformRecord;

  @Column(nullable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DifferenceState state;

  @Column(length = 500)
  private String fix;

  @Column(name = "found_at", nullable = false)
  private Instant foundAt;

  @Column(name = "fixed_at")
  private Instant fixedAt;

  @Column(name = "resolved_by", length = 64)
  private String resolvedBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "resolution_note", length = NOTE_LENGTH)
  private String resolutionNote;

  @Version private long version;

  protected Difference() {}

  public Difference(long runId, LocalDate day, Finding finding, Instant now) {
    this.runId = runId;
    this.day = Objects.requireNonNull(day, "A day is required.");
    this.kind = finding.kind();
    this.matchKey = finding.matchKey();
    this.state = DifferenceState.OPEN;
    this.foundAt = now;
    update(finding);
  }

  /** The same difference found again by a re-run: its facts as they are now, its state kept. */
  public void update(Finding finding) {
    orderId = finding.orderId();
    orderNo = finding.orderNo();
    statementLine = cut(finding.statementLine(), 1000);
    platformRecord = cut(finding.platformRecord(), 1000);
    amount = finding.amount();
  }

  /** The platform fixed it by itself; {@code what} says how. */
  public void fixed(String what, Instant now) {
    state = DifferenceState.FIXED;
    fix = cut(what, 500);
    fixedAt = now;
  }

  /** The automatic fix could not be made: it waits for a person, with why. */
  public void notFixed(String why) {
    fix = cut(why, 500);
  }

  /** A person closes it with a note. */
  public void resolve(String person, String note, Instant now) {
    Objects.requireNonNull(person, "A person is required.");
    if (state == DifferenceState.RESOLVED) {
      throw new ReconciliationException(
          "reconciliation.alreadyResolved", "Difference " + id + " is resolved already");
    }
    if (note == null || note.isBlank() || note.strip().length() > NOTE_LENGTH) {
      throw new ReconciliationException(
          "reconciliation.noteRequired", "A note of 1 to " + NOTE_LENGTH + " characters");
    }
    state = DifferenceState.RESOLVED;
    resolvedBy = person;
    resolvedAt = now;
    resolutionNote = note.strip();
  }

  public boolean awaitsFix() {
    // A fix is tried once: one that could not be made says why and waits for a person.
    return state == DifferenceState.OPEN && kind.fixable() && fixedAt == null && fix == null;
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  public Long id() {
    return id;
  }

  public Long runId() {
    return runId;
  }

  public DifferenceKind kind() {
    return kind;
  }

  public String matchKey() {
    return matchKey;
  }

  public LocalDate day() {
    return day;
  }

  public Optional<Long> orderId() {
    return Optional.ofNullable(orderId);
  }

  public Optional<String> orderNo() {
    return Optional.ofNullable(orderNo);
  }

  public Optional<String> statementLine() {
    return Optional.ofNullable(statementLine);
  }

  public Optional<String> platformRecord() {
    return Optional.ofNullable(platformRecord);
  }

  public BigDecimal amount() {
    return amount;
  }

  public DifferenceState state() {
    return state;
  }

  public Optional<String> fix() {
    return Optional.ofNullable(fix);
  }

  public Instant foundAt() {
    return foundAt;
  }

  public Optional<Instant> fixedAt() {
    return Optional.ofNullable(fixedAt);
  }

  public Optional<String> resolvedBy() {
    return Optional.ofNullable(resolvedBy);
  }

  public Optional<Instant> resolvedAt() {
    return Optional.ofNullable(resolvedAt);
  }

  public Optional<String> resolutionNote() {
    return Optional.ofNullable(resolutionNote);
  }
}
