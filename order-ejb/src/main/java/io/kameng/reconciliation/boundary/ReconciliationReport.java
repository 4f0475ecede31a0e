package io.kameng.reconciliation.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.reconciliation.entity.Difference;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.DifferenceState;
import io.kameng.reconciliation.entity.Ledger;
import io.kameng.reconciliation.entity.ReconciliationException;
import io.kameng.reconciliation.entity.ReconciliationRun;
import io.kameng.reconciliation.entity.RunState;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What admins see of the reconciliation: the runs by day, a run's money summary, the differences
 * (filtered by kind, state and day, paged on the server), the differences per day for a chart, what
 * is open for the home page's warning; and resolving a difference with a note (who and when are
 * recorded with it).
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class ReconciliationReport {

  @PersistenceContext EntityManager em;
  @Inject PlatformClock clock;
  @Resource SessionContext caller;

  /** What to list: any of the three may be empty (all). */
  public record Filter(
      Optional<DifferenceKind> kind, Optional<DifferenceState> state, Optional<LocalDate> day) {}

  /** The runs of the last {@code days} days, newest day first. */
  public List<ReconciliationRun> runs(int days) {
    return em.createQuery(
            "SELECT r FROM ReconciliationRun r WHERE r.day >= :from ORDER BY r.day DESC, r.kind,"
                + " r.partner",
            ReconciliationRun.class)
        .setParameter("from", today().minusDays(days))
        .getResultList();
  }

  /** The run of a day with a partner, if there is one. */
  public Optional<ReconciliationRun> runOf(
      @NotNull io.kameng.reconciliation.entity.StatementKind kind,
      @NotNull String partner,
      @NotNull LocalDate day) {
    return em
        .createQuery(
            "SELECT r FROM ReconciliationRun r WHERE r.kind = :kind AND r.partner = :partner"
                + " AND r.day = :day",
            ReconciliationRun.class)
        .setParameter("kind", kind)
        .setParameter("partner", partner)
        .setParameter("day", day)
        .getResultList()
        .stream()
        .findFirst();
  }

  public Optional<ReconciliationRun> run(long runId) {
    return Optional.ofNullable(em.find(ReconciliationRun.class, runId));
  }

  /** How many differences of each kind a run found. */
  public Map<DifferenceKind, Long> counts(long runId) {
    Map<DifferenceKind, Long> counts = new LinkedHashMap<>();
    em.createQuery(
            "SELECT d.kind, COUNT(d) FROM Difference d WHERE d.runId = :run GROUP BY d.kind"
                + " ORDER BY d.kind",
            Object[].class)
        .setParameter("run", runId)
        .getResultList()
        .forEach(row -> counts.put((DifferenceKind) row[0], (Long) row[1]));
    return counts;
  }

  /** One page of the differences that pass the filter, newest day first. */
  public List<Difference> differences(@NotNull Filter filter, int first, int size) {
    return query(filter, Difference.class, "d")
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(size, 1), 500))
        .getResultList();
  }

  public long count(@NotNull Filter filter) {
    return query(filter, Long.class, "COUNT(d)").getSingleResult();
  }

  public List<Difference> ofRun(long runId) {
    return em.createQuery(
            "SELECT d FROM Difference d WHERE d.runId = :run ORDER BY d.id", Difference.class)
        .setParameter("run", runId)
        .getResultList();
  }

  /** The differences found per day over the last {@code days} days (days without any are 0). */
  public Map<LocalDate, Long> perDay(int days) {
    Map<LocalDate, Long> perDay = new LinkedHashMap<>();
    LocalDate today = today();
    for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
      perDay.put(day, 0L);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT day, COUNT(*) FROM reconciliation_difference WHERE day >= ?1 GROUP BY day")
            .setParameter(1, Date.valueOf(today.minusDays(days - 1L)))
            .getResultList();
    for (Object[] row : rows) {
      LocalDate day =
          row[0] instanceof Date date ? date.toLocalDate() : LocalDate.parse(row[0].toString());
      perDay.computeIfPresent(day, (d, n) -> ((Number) row[1]).longValue());
    }
    return perDay;
  }

  /**
   * The platform-wide money check, now: received = fulfilled + refunded + held by open orders.
   * Reads every payment once (a few aggregates; about a second at a million payments).
   */
  public Ledger ledger() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(p.paid), 0), COALESCE(SUM(COALESCE(r.back, 0)), 0),"
                        + " COALESCE(SUM(CASE WHEN o.state = 'COMPLETED' THEN p.paid -"
                        + " COALESCE(r.back, 0) END), 0), COALESCE(SUM(CASE WHEN o.state IN"
                        + " ('PAID', 'VERIFYING', 'IN_REVIEW', 'AWAITING_BUYER', 'FULFILLING',"
                        + " 'REFUNDING') THEN p.paid - COALESCE(r.back, 0) END), 0),"
                        + " COALESCE(SUM(CASE WHEN o.state IN ('SUBMITTED', 'CANCELLED',"
                        + " 'REFUNDED') THEN p.paid - COALESCE(r.back, 0) END), 0)"
                        + " FROM (SELECT order_id, SUM(amount) paid FROM payment_attempt"
                        + " WHERE state = 'PAID' GROUP BY order_id) p"
                        + " JOIN customer_order o ON o.id = p.order_id"
                        + " LEFT JOIN (SELECT order_id, SUM(amount) back FROM refund"
                        + " WHERE state <> 'FAILED' GROUP BY order_id) r ON r.order_id = p.order_id")
                .getSingleResult();
    return new Ledger(money(row[0]), money(row[1]), money(row[2]), money(row[3]), money(row[4]));
  }

  private static java.math.BigDecimal money(Object value) {
    return new java.math.BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /** For the home page: differences open, and days whose statement is missing. */
  public record Warnings(long openDifferences, long missingStatements) {
    public boolean any() {
      return openDifferences > 0 || missingStatements > 0;
    }
  }

  public Warnings warnings() {
    long open =
        em.createQuery(
                "SELECT COUNT(d) FROM Difference d WHERE d.state ="
                    + " io.kameng.reconciliation.entity.DifferenceState.OPEN",
                Long.class)
            .getSingleResult();
    long missing =
        em.createQuery(
                "SELECT COUNT(r) FROM ReconciliationRun r WHERE r.state = :missing", Long.class)
            .setParameter("missing", RunState.STATEMENT_MISSING)
            .getSingleResult();
    return new Warnings(open, missing);
  }

  /** A person closes an open or fixed difference with a note (1..500 characters). */
  public Difference resolve(long differenceId, @NotNull String note) {
    Difference difference = em.find(Difference.class, differenceId, LockModeType.PESSIMISTIC_WRITE);
    if (difference == null) {
      throw new ReconciliationException(
          "reconciliation.noDifference", "No difference " + differenceId);
    }
    difference.resolve(caller.getCallerPrincipal().getName(), note, clock.now());
    return difference;
  }

  private <T> TypedQuery<T> query(Filter filter, Class<T> type, String select) {
    List<String> where = new ArrayList<>();
    filter.kind().ifPresent(k -> where.add("d.kind = :kind"));
    filter.state().ifPresent(s -> where.add("d.state = :state"));
    filter.day().ifPresent(d -> where.add("d.day = :day"));
    String jpql =
        "SELECT "
            + select
            + " FROM Difference d"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + (type == Long.class ? "" : " ORDER BY d.day DESC, d.id");
    TypedQuery<T> query = em.createQuery(jpql, type);
    filter.kind().ifPresent(k -> query.setParameter("kind", k));
    filter.state().ifPresent(s -> query.setParameter("state", s));
    filter.day().ifPresent(d -> query.setParameter("day", d));
    return query;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.now(), io.kameng.reconciliation.control.TradeBill.CHINA);
  }
}
