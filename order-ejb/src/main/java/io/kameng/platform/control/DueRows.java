package io.kameng.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Claims the rows whose time has come, the way every scan of Kameng does: rows in one of some
 * states whose due time has passed, oldest first, locked with {@code FOR UPDATE SKIP LOCKED} for
 * the caller's transaction, so rows another transaction (on this or another server) holds are left
 * to it and each due row is claimed by exactly one scan. Table and column names are the caller's
 * constants, never input.
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
    String placeholders =
        states.stream().map(state -> "?").collect(Collectors.joining(", ", "(", ")"));
    Query query =
        em.createNativeQuery(
            "SELECT id FROM "
                + table
                + " WHERE state IN "
                + placeholders
                + " AND "
                + dueColumn
                + " <= ? ORDER BY "
                + dueColumn
                + " LIMIT ? FOR UPDATE SKIP LOCKED");
    int position = 1;
    for (Enum<?> state : states) {
      query.setParameter(position++, state.name());
    }
    query.setParameter(position++, Timestamp.from(now));
    query.setParameter(position, limit);
    @SuppressWarnings("unchecked")
    List<Number> ids = query.getResultList();
    return ids.stream().map(id -> em.find(type, id.longValue())).toList();
  }
}
