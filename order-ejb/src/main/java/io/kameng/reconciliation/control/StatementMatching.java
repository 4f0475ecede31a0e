package io.kameng.reconciliation.control;

import io.kameng.reconciliation.entity.Comparison;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.Finding;
import io.kameng.reconciliation.entity.LineType;
import io.kameng.reconciliation.entity.ReconciliationRun;
import io.kameng.reconciliation.entity.StatementKind;
import io.kameng.reconciliation.entity.StatementLine;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The set-based part of a reconciliation, in the caller's transaction: loading a chunk of lines
 * into the staging table (one multi-row INSERT; a chunk loaded again after a restart changes
 * nothing), matching all lines of a run to the platform's records with joins over indexed columns
 * (no query per line), finding the platform's records of the day that no statement has, and reading
 * back only the items that do not agree, for {@link DifferenceRules}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StatementMatching {

  /** How close to a day's end a record without a line must be to wait in the holding pool. */
  public static final Duration CUT_OFF_MARGIN = Duration.ofMinutes(30);

  private static final String PAID_STATES = "('PAID','VERIFYING','IN_REVIEW','FULFILLING')";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/kameng")
  DataSource dataSource;

  /** Forgets what an earlier run of the day loaded and found as platform-only. */
  public void clear(long runId) {
    em.createNativeQuery("DELETE FROM statement_line WHERE run_id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM platform_only WHERE run_id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
  }

  public void load(long runId, List<StatementLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT IGNORE INTO statement_line (run_id, line_no, line_type, reference, partner_no,"
                + " refund_no, amount, fee, completed_at, raw) VALUES ");
    for (int i = 0; i < lines.size(); i++) {
      sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?)");
    }
    // Plain JDBC on the transaction's connection: EclipseLink looks each of a native query's
    // parameters up in a list (10,000 per chunk: quadratic, about 1.4 s of CPU per chunk).
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (StatementLine line : lines) {
        insert.setLong(p++, runId);
        insert.setLong(p++, line.lineNo());
        insert.setString(p++, line.type().name());
        insert.setString(p++, line.reference());
        insert.setString(p++, line.partnerNo());
        insert.setString(p++, line.refundNo());
        insert.setBigDecimal(p++, line.amount());
        insert.setBigDecimal(p++, line.fee());
        insert.setTimestamp(p++, Timestamp.from(line.completedAt()));
        insert.setString(
            p++, line.raw().length() > 1000 ? line.raw().substring(0, 1000) : line.raw());
      }
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Could not load " + lines.size() + " lines", e);
    }
  }

  /**
   * Matches every line of the run with the platform's record it names and marks those that do not
   * agree; answers how many. Only those lines are written (with the record's facts, for the rules):
   * a line that agrees is read once and left as loaded, so a day of a million agreeing lines costs
   * a million index lookups, not a million row writes.
   */
  public int match(ReconciliationRun run, BigDecimal feeRate) {
    long id = run.id();
    // A match run again (a re-run after a crash) starts from the lines as loaded.
    update(
        "UPDATE statement_line SET suspect = FALSE, record_id = NULL, record_state = NULL,"
            + " record_amount = NULL, order_id = NULL, other_paid = FALSE"
            + " WHERE run_id = ?1 AND suspect = TRUE",
        id);
    if (run.kind() == StatementKind.PAYMENT) {
      int payments =
          em.createNativeQuery(
                  "UPDATE statement_line l LEFT JOIN payment_attempt a ON a.reference = l.reference"
                      + " SET l.suspect = TRUE, l.record_id = a.id, l.record_state = a.state,"
                      + " l.record_amount = a.amount, l.order_id = a.order_id"
                      + " WHERE l.run_id = ?1 AND l.line_type = 'PAYMENT' AND (a.id IS NULL"
                      + " OR a.state <> 'PAID' OR a.amount <> l.amount"
                      + " OR l.fee <> ROUND(l.amount * ?2, 2))")
              .setParameter(1, id)
              .setParameter(2, feeRate)
              .executeUpdate();
      int refunds =
          em.createNativeQuery(
                  "UPDATE statement_line l LEFT JOIN refund r ON r.request_no = l.refund_no"
                      + " SET l.suspect = TRUE, l.record_id = r.id, l.record_state = r.state,"
                      + " l.record_amount = r.amount, l.order_id = r.order_id"
                      + " WHERE l.run_id = ?1 AND l.line_type = 'REFUND' AND (r.id IS NULL"
                      + " OR r.state <> 'SUCCEEDED' OR r.amount <> -l.amount"
                      + " OR l.fee <> -ROUND(-l.amount * ?2, 2))")
              .setParameter(1, id)
              .setParameter(2, feeRate)
              .executeUpdate();
      update(
          "UPDATE statement_line l SET l.other_paid = TRUE WHERE l.run_id = ?1 AND l.suspect"
              + " AND l.line_type = 'PAYMENT' AND l.record_state <> 'PAID' AND EXISTS (SELECT 1"
              + " FROM payment_attempt o WHERE o.order_id = l.order_id AND o.id <> l.record_id"
              + " AND o.state = 'PAID')",
          id);
      return payments + refunds;
    }
    return em.createNativeQuery(
            "UPDATE statement_line l LEFT JOIN supplier_order s ON s.request_id = l.reference"
                + " AND s.provider = ?2 LEFT JOIN customer_order o ON o.id = s.order_id"
                + " SET l.suspect = TRUE, l.record_id = s.id, l.record_state = s.state,"
                + " l.record_amount = s.amount, l.order_id = s.order_id"
                + " WHERE l.run_id = ?1 AND (s.id IS NULL OR CASE l.line_type"
                + " WHEN 'RECHARGED' THEN s.state <> 'SUCCEEDED' OR s.amount <> l.amount"
                + " OR COALESCE(o.state, '') IN ('REFUNDING', 'REFUNDED')"
                + " WHEN 'FAILED' THEN s.state = 'SUCCEEDED' ELSE TRUE END)")
        .setParameter(1, id)
        .setParameter(2, run.partner())
        .executeUpdate();
  }

  /** Keeps the platform's records of the run's day that no statement has; answers how many. */
  public int findPlatformOnly(ReconciliationRun run) {
    Instant from = dayStart(run.day());
    Instant to = dayStart(run.day().plusDays(1));
    if (run.kind() == StatementKind.PAYMENT) {
      int payments =
          dayQuery(
                  "INSERT INTO platform_only (run_id, line_type, record_id, reference, amount,"
                      + " completed_at, order_id) SELECT ?1, 'PAYMENT', a.id, a.reference,"
                      + " a.amount, a.paid_at, a.order_id FROM payment_attempt a"
                      + " WHERE a.state = 'PAID' AND a.paid_at >= ?2 AND a.paid_at < ?3"
                      + " AND a.provider = ?4 AND NOT EXISTS (SELECT 1 FROM statement_line l"
                      + " WHERE l.reference = a.reference AND l.line_type = 'PAYMENT')",
                  run,
                  from,
                  to)
              .executeUpdate();
      return payments
          + dayQuery(
                  "INSERT INTO platform_only (run_id, line_type, record_id, reference, amount,"
                      + " completed_at, order_id) SELECT ?1, 'REFUND', r.id, r.request_no,"
                      + " r.amount, r.settled_at, r.order_id FROM refund r"
                      + " JOIN payment_attempt a ON a.id = r.attempt_id"
                      + " WHERE r.state = 'SUCCEEDED' AND r.settled_at >= ?2 AND r.settled_at < ?3"
                      + " AND a.provider = ?4 AND NOT EXISTS (SELECT 1 FROM statement_line l"
                      + " WHERE l.refund_no = r.request_no)",
                  run,
                  from,
                  to)
              .executeUpdate();
    }
    return dayQuery(
            "INSERT INTO platform_only (run_id, line_type, record_id, reference, amount,"
                + " completed_at, order_id) SELECT ?1, 'RECHARGED', s.id, s.request_id, s.amount,"
                + " s.finished_at, s.order_id FROM supplier_order s WHERE s.provider = ?4"
                + " AND s.state = 'SUCCEEDED' AND s.finished_at >= ?2 AND s.finished_at < ?3"
                + " AND NOT EXISTS (SELECT 1 FROM statement_line l WHERE l.reference ="
                + " s.request_id AND l.line_type IN ('RECHARGED', 'FAILED'))",
            run,
            from,
            to)
        .executeUpdate();
  }

  private Query dayQuery(String sql, ReconciliationRun run, Instant from, Instant to) {
    return em.createNativeQuery(sql)
        .setParameter(1, run.id())
        .setParameter(2, Timestamp.from(from))
        .setParameter(3, Timestamp.from(to))
        .setParameter(4, run.partner());
  }

  /** The suspect lines after {@code afterLine}, in order, at most {@code limit}. */
  public List<Comparison> suspects(
      ReconciliationRun run, BigDecimal feeRate, long afterLine, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT l.line_no, l.line_type, l.reference, l.refund_no, l.raw, l.amount, l.fee,"
                    + " l.completed_at, l.record_id, l.record_state, l.record_amount, l.order_id,"
                    + " o.order_no, o.state, l.other_paid FROM statement_line l"
                    + " LEFT JOIN customer_order o ON o.id = l.order_id"
                    + " WHERE l.run_id = ?1 AND l.suspect = TRUE AND l.line_no > ?2"
                    + " ORDER BY l.line_no LIMIT ?3")
            .setParameter(1, run.id())
            .setParameter(2, afterLine)
            .setParameter(3, limit)
            .getResultList();
    List<Comparison> items = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      items.add(
          new Comparison(
              ((Number) row[0]).longValue(),
              run.kind(),
              LineType.valueOf((String) row[1]),
              (String) row[2],
              (String) row[3],
              (String) row[4],
              (BigDecimal) row[5],
              (BigDecimal) row[6],
              instant(row[7]),
              row[8] == null ? null : ((Number) row[8]).longValue(),
              (String) row[9],
              (BigDecimal) row[10],
              row[11] == null ? null : ((Number) row[11]).longValue(),
              (String) row[12],
              (String) row[13],
              row[14] != null && truthy(row[14]),
              false,
              feeRate));
    }
    return items;
  }

  /** The platform-only records of the run, each an item to classify. */
  public List<Comparison> platformOnly(ReconciliationRun run, BigDecimal feeRate) {
    Instant cutOff = dayStart(run.day().plusDays(1)).minus(CUT_OFF_MARGIN);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.line_type, p.reference, p.record_id, p.amount, p.completed_at,"
                    + " p.order_id, o.order_no, o.state, "
                    + (run.kind() == StatementKind.PAYMENT
                        ? "CASE p.line_type WHEN 'PAYMENT' THEN 'PAID' ELSE 'SUCCEEDED' END"
                        : "'SUCCEEDED'")
                    + " FROM platform_only p LEFT JOIN customer_order o ON o.id = p.order_id"
                    + " WHERE p.run_id = ?1 ORDER BY p.completed_at")
            .setParameter(1, run.id())
            .getResultList();
    List<Comparison> items = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      LineType type = LineType.valueOf((String) row[0]);
      Instant completed = instant(row[4]);
      items.add(
          new Comparison(
              0,
              run.kind(),
              type,
              type == LineType.REFUND ? null : (String) row[1],
              type == LineType.REFUND ? (String) row[1] : null,
              null,
              (BigDecimal) row[3],
              BigDecimal.ZERO.setScale(2),
              completed,
              ((Number) row[2]).longValue(),
              (String) row[8],
              (BigDecimal) row[3],
              row[5] == null ? null : ((Number) row[5]).longValue(),
              (String) row[6],
              (String) row[7],
              false,
              !completed.isBefore(cutOff),
              feeRate));
    }
    return items;
  }

  /**
   * The three-way check against orders paid on the run's day: a paid order that is neither settled
   * nor on the ladder, and an order whose refunds do not add up to what its state says.
   */
  public List<Finding> orderChecks(ReconciliationRun run) {
    List<Finding> findings = new ArrayList<>();
    Instant from = dayStart(run.day());
    Instant to = dayStart(run.day().plusDays(1));
    @SuppressWarnings("unchecked")
    List<Object[]> unattended =
        em.createNativeQuery(
                "SELECT DISTINCT o.id, o.order_no, o.state FROM customer_order o"
                    + " JOIN payment_attempt a ON a.order_id = o.id WHERE a.state = 'PAID'"
                    + " AND a.paid_at >= ?1 AND a.paid_at < ?2 AND a.provider = ?3"
                    + " AND o.state IN "
                    + PAID_STATES
                    + " AND o.ladder_due IS NULL")
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(to))
            .setParameter(3, run.partner())
            .getResultList();
    for (Object[] row : unattended) {
      findings.add(
          new Finding(
              DifferenceKind.ORDER_UNATTENDED,
              (String) row[1],
              ((Number) row[0]).longValue(),
              (String) row[1],
              null,
              "order " + row[1] + " " + row[2] + ": no next step, no owner's deadline",
              null));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> refunds =
        em.createNativeQuery(
                "SELECT o.id, o.order_no, o.state, paid.total, COALESCE(back.total, 0) FROM"
                    + " customer_order o JOIN (SELECT a.order_id, SUM(a.amount) total FROM"
                    + " payment_attempt a WHERE a.state = 'PAID' AND a.order_id IN (SELECT d.order_id"
                    + " FROM payment_attempt d WHERE d.state = 'PAID' AND d.paid_at >= ?1"
                    + " AND d.paid_at < ?2 AND d.provider = ?3)"
                    // Only orders with money back, or that say it all went back, can fail it.
                    + " AND (EXISTS (SELECT 1 FROM refund x WHERE x.order_id = a.order_id AND"
                    + " x.state = 'SUCCEEDED') OR EXISTS (SELECT 1 FROM customer_order y WHERE"
                    + " y.id = a.order_id AND y.state = 'REFUNDED')) GROUP BY a.order_id) paid"
                    + " ON paid.order_id = o.id LEFT JOIN (SELECT r.order_id, SUM(r.amount) total"
                    + " FROM refund r WHERE r.state = 'SUCCEEDED' GROUP BY r.order_id) back"
                    + " ON back.order_id = o.id WHERE COALESCE(back.total, 0) > paid.total"
                    + " OR (o.state = 'REFUNDED' AND COALESCE(back.total, 0) <> paid.total)")
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(to))
            .setParameter(3, run.partner())
            .getResultList();
    for (Object[] row : refunds) {
      findings.add(
          new Finding(
              DifferenceKind.REFUNDS_DO_NOT_ADD_UP,
              (String) row[1],
              ((Number) row[0]).longValue(),
              (String) row[1],
              null,
              "order %s %s: paid %s, refunded %s"
                  .formatted(row[1], row[2], plain(row[3]), plain(row[4])),
              null));
    }
    return findings;
  }

  /**
   * The platform's side of the day as the run compared it: received, refunded, fees. A line that
   * agrees stands for a record equal to it; a suspect line for the record it names, if recorded.
   */
  public BigDecimal[] platformTotals(ReconciliationRun run, BigDecimal feeRate) {
    String recorded =
        run.kind() == StatementKind.PAYMENT
            ? "CASE line_type WHEN 'PAYMENT' THEN record_state = 'PAID' ELSE record_state ="
                + " 'SUCCEEDED' END"
            : "record_state = 'SUCCEEDED'";
    // The platform's amount of a line: the line's own when it agrees, else the record's.
    String money =
        "CASE WHEN NOT suspect THEN ABS(amount) WHEN " + recorded + " THEN record_amount END";
    String agreedRecharge =
        run.kind() == StatementKind.PAYMENT ? "" : " AND (suspect OR line_type = 'RECHARGED')";
    Object[] lines =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(CASE WHEN line_type IN ('PAYMENT', 'RECHARGED',"
                        + " 'FAILED')"
                        + agreedRecharge
                        + " THEN "
                        + money
                        + " END), 0), COALESCE(SUM(CASE WHEN line_type = 'REFUND' THEN "
                        + money
                        + " END), 0), COALESCE(SUM(CASE line_type WHEN 'PAYMENT' THEN"
                        + " ROUND(("
                        + money
                        + ") * ?2, 2) WHEN 'REFUND' THEN -ROUND(("
                        + money
                        + ") * ?2, 2) ELSE 0 END), 0) FROM statement_line WHERE run_id = ?1")
                .setParameter(1, run.id())
                .setParameter(2, feeRate)
                .getSingleResult();
    Object[] only =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(CASE WHEN line_type IN ('PAYMENT', 'RECHARGED') THEN"
                        + " amount END), 0), COALESCE(SUM(CASE WHEN line_type = 'REFUND' THEN"
                        + " amount END), 0), COALESCE(SUM(CASE line_type WHEN 'PAYMENT' THEN"
                        + " ROUND(amount * ?2, 2) WHEN 'REFUND' THEN -ROUND(amount * ?2, 2)"
                        + " ELSE 0 END), 0) FROM platform_only WHERE run_id = ?1")
                .setParameter(1, run.id())
                .setParameter(2, feeRate)
                .getSingleResult();
    BigDecimal[] totals = new BigDecimal[3];
    for (int i = 0; i < 3; i++) {
      totals[i] = money(lines[i]).add(money(only[i]));
    }
    return totals;
  }

  /** The statement line of a run for a reference (a payment) or a refund request number. */
  public StatementLine line(long runId, LineType type, String key) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT line_no, reference, partner_no, refund_no, amount, fee, completed_at,"
                        + " raw FROM statement_line WHERE run_id = ?1 AND line_type = ?2 AND "
                        + (type == LineType.REFUND ? "refund_no" : "reference")
                        + " = ?3 ORDER BY line_no LIMIT 1")
                .setParameter(1, runId)
                .setParameter(2, type.name())
                .setParameter(3, key)
                .getSingleResult();
    return new StatementLine(
        ((Number) row[0]).intValue(),
        type,
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (BigDecimal) row[4],
        (BigDecimal) row[5],
        instant(row[6]),
        (String) row[7]);
  }

  private int update(String sql, long runId) {
    return em.createNativeQuery(sql).setParameter(1, runId).executeUpdate();
  }

  public static Instant dayStart(LocalDate day) {
    return day.atStartOfDay(TradeBill.CHINA).toInstant();
  }

  private static BigDecimal money(Object value) {
    return value == null
        ? BigDecimal.ZERO.setScale(2)
        : new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static String plain(Object value) {
    return money(value).toPlainString();
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.LocalDateTime l) {
      return l.toInstant(java.time.ZoneOffset.UTC);
    }
    return (Instant) value;
  }
}
