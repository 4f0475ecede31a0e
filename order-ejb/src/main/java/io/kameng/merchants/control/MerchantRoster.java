package io.kameng.merchants.control;

import io.kameng.merchants.entity.Merchant;
import io.kameng.merchants.entity.MerchantStanding;
import io.kameng.merchants.entity.MerchantStrike;
import io.kameng.merchants.entity.StrikeKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merchants' standing and strikes inside the caller's transaction; no role checks (the boundaries
 * do them). A merchant's row is made on first use: offline, active, the default limit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MerchantRoster {

  @PersistenceContext EntityManager em;

  /**
   * The merchant, locked for the caller's transaction (made first if it has none yet). Everything a
   * merchant does to its orders in hand starts here, so its own concurrent actions (claims against
   * its limit) happen one after the other.
   */
  public Merchant lock(String username, Instant now) {
    // Locked straight away when it exists: an INSERT IGNORE of an existing row takes a shared lock
    // first, and two of those upgrading to the write lock deadlock.
    Merchant existing = em.find(Merchant.class, username, LockModeType.PESSIMISTIC_WRITE);
    if (existing != null) {
      return existing;
    }
    em.createNativeQuery(
            "INSERT IGNORE INTO merchant (username, standing, online, order_limit, changed_at)"
                + " VALUES (?1, ?2, FALSE, ?3, ?4)")
        .setParameter(1, username)
        .setParameter(2, MerchantStanding.ACTIVE.name())
        .setParameter(3, Merchant.DEFAULT_ORDER_LIMIT)
        .setParameter(4, Timestamp.from(now))
        .executeUpdate();
    return em.find(Merchant.class, username, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The merchant as stored, if it ever acted or was set up. */
  public Optional<Merchant> find(String username) {
    return Optional.ofNullable(em.find(Merchant.class, username));
  }

  public void strike(String merchant, long orderId, StrikeKind kind, String note, Instant now) {
    em.persist(new MerchantStrike(merchant, orderId, kind, note, now));
  }

  /** The strikes against {@code merchant} since {@code since}, newest first. */
  public List<MerchantStrike> strikesOf(String merchant, Instant since) {
    @SuppressWarnings("unchecked")
    List<MerchantStrike> strikes =
        em.createNativeQuery(
                "SELECT * FROM merchant_strike WHERE merchant = ?1 AND occurred_at >= ?2"
                    + " ORDER BY occurred_at DESC, id DESC LIMIT 200",
                MerchantStrike.class)
            .setParameter(1, merchant)
            .setParameter(2, Timestamp.from(since))
            .getResultList();
    return strikes;
  }

  /** Per merchant, how many strikes since {@code since}. */
  public Map<String, Long> strikeCounts(Instant since) {
    Map<String, Long> counts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT merchant, COUNT(*) FROM merchant_strike WHERE occurred_at >= ?1"
                    + " GROUP BY merchant")
            .setParameter(1, Timestamp.from(since))
            .getResultList();
    for (Object[] row : rows) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** Whether {@code merchant} sent this order back before (it is not offered to it again). */
  public boolean rejectedBefore(String merchant, long orderId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM merchant_strike WHERE order_id = ?1 AND merchant = ?2 AND kind = ?3"
                + " LIMIT 1")
        .setParameter(1, orderId)
        .setParameter(2, merchant)
        .setParameter(3, StrikeKind.REJECTED.name())
        .getResultList()
        .isEmpty();
  }
}
