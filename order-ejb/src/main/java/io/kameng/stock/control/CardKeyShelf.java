package io.kameng.stock.control;

import io.kameng.platform.control.DueRows;
import io.kameng.stock.entity.CardKey;
import io.kameng.stock.entity.CardKeyState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Card keys in the caller's transaction; no role checks. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CardKeyShelf {

  private static final int CHUNK = 500;

  @PersistenceContext EntityManager em;

  /** Which of these digests are already on the shelf (in stock or issued). */
  public Set<String> known(Collection<String> digests) {
    Set<String> known = new HashSet<>();
    List<String> all = new ArrayList<>(digests);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      known.addAll(
          em.createNamedQuery(CardKey.KNOWN_DIGESTS, String.class)
              .setParameter("digests", chunk)
              .getResultList());
    }
    return known;
  }

  public void add(CardKey key) {
    em.persist(key);
  }

  /**
   * Issues up to {@code count} available keys of the product to the order, oldest first. Rows
   * another transaction holds are skipped, so concurrent orders take different keys and none waits;
   * answers how many were issued (fewer when the stock runs out). Candidates are read plainly and
   * locked by primary key, a few at a time, so no gap of the stock index is locked (concurrent
   * issuers would deadlock on each other's gaps when they mark their keys issued).
   */
  public int issue(long productId, long orderId, int count, Instant now) {
    List<Long> claimed = new ArrayList<>();
    long after = 0;
    while (claimed.size() < count) {
      Query candidates =
          em.createNativeQuery(
                  "SELECT id FROM card_key WHERE product_id = ?1 AND state = ?2 AND id > ?3"
                      + " ORDER BY id LIMIT ?4")
              .setParameter(1, productId)
              .setParameter(2, CardKeyState.AVAILABLE.name())
              .setParameter(3, after)
              .setParameter(4, count - claimed.size());
      List<Long> ids = DueRows.ids(candidates);
      if (ids.isEmpty()) {
        break;
      }
      after = ids.get(ids.size() - 1);
      claimed.addAll(
          DueRows.ids(
              em.createNativeQuery(
                      "SELECT id FROM card_key FORCE INDEX (PRIMARY) WHERE id IN ("
                          + DueRows.list(ids)
                          + ") AND state = ?1 ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                  .setParameter(1, CardKeyState.AVAILABLE.name())
                  .setParameter(2, count - claimed.size())));
    }
    if (claimed.isEmpty()) {
      return 0;
    }
    return em.createNativeQuery(
            "UPDATE card_key SET state = ?1, order_id = ?2, issued_at = ?3, version = version + 1"
                + " WHERE id IN ("
                + DueRows.list(claimed)
                + ") AND state = ?4")
        .setParameter(1, CardKeyState.ISSUED.name())
        .setParameter(2, orderId)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, CardKeyState.AVAILABLE.name())
        .executeUpdate();
  }

  /** Puts an order's keys back (its other keys could not be had): they were never shown. */
  public void putBack(long orderId) {
    em.createNativeQuery(
            "UPDATE card_key SET state = ?1, order_id = NULL, issued_at = NULL,"
                + " version = version + 1 WHERE order_id = ?2")
        .setParameter(1, CardKeyState.AVAILABLE.name())
        .setParameter(2, orderId)
        .executeUpdate();
  }

  /** The keys issued to an order, in the order they were issued. */
  public List<CardKey> ofOrder(long orderId) {
    return em.createNamedQuery(CardKey.OF_ORDER, CardKey.class)
        .setParameter("orderId", orderId)
        .getResultList();
  }

  /** Per product: {available, issued} keys, for the products that have any. */
  public java.util.Map<Long, long[]> counts() {
    java.util.Map<Long, long[]> counts = new java.util.HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT product_id, SUM(state = 'AVAILABLE'), SUM(state = 'ISSUED')"
                    + " FROM card_key GROUP BY product_id")
            .getResultList();
    for (Object[] row : rows) {
      counts.put(
          ((Number) row[0]).longValue(),
          new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
    return counts;
  }

  /**
   * Whether the product has a key in stock: one index entry read, where counting them would read
   * every key in stock (tens of thousands) on each dispatch.
   */
  public boolean hasAvailable(long productId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM card_key WHERE product_id = ?1 AND state = ?2 LIMIT 1")
        .setParameter(1, productId)
        .setParameter(2, CardKeyState.AVAILABLE.name())
        .getResultList()
        .isEmpty();
  }

  public long available(long productId) {
    return em.createNamedQuery(CardKey.COUNT_AVAILABLE, Long.class)
        .setParameter("productId", productId)
        .setParameter("available", CardKeyState.AVAILABLE)
        .getSingleResult();
  }
}
