package io.kameng.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Claims the rows whose time has come, the way every scan of Kameng does: rows in one of some
 * states whose due time has passed, oldest first, locked with {@code FOR UPDATE SKIP LOCKED} for
 * the caller's transaction, so rows another transaction (on this or another server) holds are left
 * to it and each due row is claimed by exactly one scan. The candidates are found by a plain read
 * (at most {@code limit}) and then locked through the primary key only: a locking scan of the
 * (state, due) index would also lock its gaps, and concurrent scans that move their rows to another
 * state deadlock on each other's gaps. Table and column names are the caller's constants, never
 * input.
 */
public final class DueRows {

  private DueRows() {}

  /**
   * Up to {@code limit} entities of {@code type} from {@code table} whose {@code dueColumn} is at
   * or before {@code now} and whose {@code state} is one of {@code states}.
   */
  public static <T> List<T> claim(
      EntityManager em,
      Class<T> type,
      String table,
      String dueColumn,
      List<? extends Enum<?>> states,
      Instant now,
      int limit) {
    return claim(em, type, table, dueColumn, states, "TRUE", now, limit);
  }

  /**
   * Like {@link #claim(EntityManager, Class, String, String, List, Instant, int)}, only rows that
   * also meet {@code condition} (an SQL condition on the table's columns; the caller's constant,
   * never input).
   */
  public static <T> List<T> claim(
      EntityManager em,
      Class<T> type,
      String table,
      String dueColumn,
      List<? extends Enum<?>> states,
      String condition,
      Instant now,
      int limit) {
    // Without states, any row (the due column and the condition alone say what is due).
    String inStates =
        states.isEmpty()
            ? "TRUE"
            : states.stream()
                .map(state -> "?")
                .collect(Collectors.joining(", ", "state IN (", ")"));
    Query candidates =
        em.createNativeQuery(
            "SELECT id FROM "
                + table
                + " WHERE "
                + inStates
                + " AND ("
                + condition
                + ") AND "
                + dueColumn
                + " <= ? ORDER BY "
                + dueColumn
                + " LIMIT ?");
    int position = 1;
    for (Enum<?> state : states) {
      candidates.setParameter(position++, state.name());
    }
    candidates.setParameter(position++, Timestamp.from(now));
    candidates.setParameter(position, limit);
    List<Long> ids = ids(candidates);
    if (ids.isEmpty()) {
      return List.of();
    }
    Query claim =
        em.createNativeQuery(
            "SELECT id FROM "
                + table
                + " FORCE INDEX (PRIMARY) WHERE id IN ("
                + list(ids)
                + ") AND "
                + inStates
                + " AND ("
                + condition
                + ") AND "
                + dueColumn
                + " <= ? ORDER BY "
                + dueColumn
                + " FOR UPDATE SKIP LOCKED");
    position = 1;
    for (Enum<?> state : states) {
      claim.setParameter(position++, state.name());
    }
    claim.setParameter(position, Timestamp.from(now));
    // Read as locked: a plain read would see the transaction's snapshot, taken by the first read
    // above, and miss what another transaction committed before the lock was ours.
    return ids(claim).stream()
        .map(id -> em.find(type, id, LockModeType.PESSIMISTIC_WRITE))
        .toList();
  }

  /**
   * The ids of up to {@code limit} rows whose {@code dueColumn} is at or before {@code now} and
   * that meet {@code condition}, most overdue first: a plain read, for claiming them one by one.
   */
  public static List<Long> dueIds(
      EntityManager em, String table, String dueColumn, String condition, Instant now, int limit) {
    return ids(
        em.createNativeQuery(
                "SELECT id FROM "
                    + table
                    + " WHERE ("
                    + condition
                    + ") AND "
                    + dueColumn
                    + " <= ? ORDER BY "
                    + dueColumn
                    + " LIMIT ?")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, limit));
  }

  /**
   * Claims the row {@code id} if it is still due and meets {@code condition} and no other
   * transaction holds it; read as locked.
   */
  public static <T> java.util.Optional<T> claimOne(
      EntityManager em,
      Class<T> type,
      String table,
      String dueColumn,
      String condition,
      long id,
      Instant now) {
    return ids(
            em.createNativeQuery(
                    "SELECT id FROM "
                        + table
                        + " WHERE id = ? AND ("
                        + condition
                        + ") AND "
                        + dueColumn
                        + " <= ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, id)
                .setParameter(2, Timestamp.from(now)))
        .stream()
        .findFirst()
        .map(found -> em.find(type, found, LockModeType.PESSIMISTIC_WRITE));
  }

  /** The ids a native {@code SELECT id ...} answered. */
  public static List<Long> ids(Query query) {
    @SuppressWarnings("unchecked")
    List<Number> ids = query.getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  /**
   * Ids as the inside of an SQL {@code IN (...)}: they are numbers read from the database, so they
   * can be part of a statement.
   */
  public static String list(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
