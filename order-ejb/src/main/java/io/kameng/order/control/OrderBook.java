package io.kameng.order.control;

import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderNotFoundException;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.StuckReason;
import io.kameng.platform.control.DueRows;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stores, finds and claims orders and their request keys inside the caller's transaction; no role
 * checks (the boundaries do them). Claims are row locks in MariaDB, so two servers never act on one
 * order or one request key at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OrderBook {

  @PersistenceContext EntityManager em;

  /**
   * A request key as found when another request got it first (or an earlier one left it).
   *
   * @param orderId empty only while the request that claimed it has not committed
   * @param sealedToken the guest's access token sealed with the client's key; empty for repeats
   */
  public record KnownKey(
      String requestHash, Optional<Long> orderId, Optional<byte[]> sealedToken, Instant expiresAt) {

    public boolean isExpired(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  public void add(Order order) {
    em.persist(order);
    em.flush();
  }

  public Optional<Order> byNumber(String orderNo) {
    return em.createNamedQuery(Order.BY_NUMBER, Order.class)
        .setParameter("orderNo", orderNo)
        .getResultStream()
        .findFirst();
  }

  public Optional<Order> byId(long id) {
    return Optional.ofNullable(em.find(Order.class, id));
  }

  /**
   * The order with this number if {@code accessToken} is its access token; a malformed number, an
   * unknown one and a wrong token are the same refusal, so it tells nothing about other orders.
   */
  public Order owned(String orderNo, String accessToken) {
    if (!OrderNumbers.isWellFormed(orderNo)) {
      throw new OrderNotFoundException(String.valueOf(orderNo));
    }
    return byNumber(orderNo)
        .filter(order -> AccessTokens.matches(accessToken, order.accessTokenHash()))
        .orElseThrow(() -> new OrderNotFoundException(orderNo));
  }

  /** The order, locked for this transaction (others wait until it ends). */
  public Order lock(long id) {
    return em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Claims a request key for this transaction, for the order {@code orderId} when it is already
   * placed (else null and {@link #attachKey} later). Answers empty when the key is new and now ours
   * (a concurrent request with the same key waits until this transaction ends); otherwise the key
   * as it stands, read under a shared lock.
   */
  public Optional<KnownKey> claimKey(
      String keyHash, String requestHash, Long orderId, Instant now, Instant expiresAt) {
    int inserted =
        em.createNativeQuery(
                "INSERT IGNORE INTO order_request_key (key_hash, request_hash, order_id,"
                    + " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .setParameter(1, keyHash)
            .setParameter(2, requestHash)
            .setParameter(3, orderId)
            .setParameter(4, Timestamp.from(now))
            .setParameter(5, Timestamp.from(expiresAt))
            .executeUpdate();
    if (inserted == 1) {
      return Optional.empty();
    }
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT request_hash, order_id, sealed_token, expires_at FROM order_request_key"
                        + " WHERE key_hash = ?1 LOCK IN SHARE MODE")
                .setParameter(1, keyHash)
                .getSingleResult();
    return Optional.of(
        new KnownKey(
            (String) row[0],
            Optional.ofNullable((Number) row[1]).map(Number::longValue),
            Optional.ofNullable((byte[]) row[2]),
            instant(row[3])));
  }

  /** Takes over a key whose earlier use is over (expired, or its order is no longer unpaid). */
  public void renewKey(String keyHash, String requestHash, Instant now, Instant expiresAt) {
    em.createNativeQuery(
            "UPDATE order_request_key SET request_hash = ?2, order_id = NULL, sealed_token = NULL,"
                + " created_at = ?3, expires_at = ?4 WHERE key_hash = ?1")
        .setParameter(1, keyHash)
        .setParameter(2, requestHash)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, Timestamp.from(expiresAt))
        .executeUpdate();
  }

  /** Records which order a claimed key made. */
  public void attachKey(String keyHash, long orderId, byte[] sealedToken) {
    em.createNativeQuery(
            "UPDATE order_request_key SET order_id = ?2, sealed_token = ?3 WHERE key_hash = ?1")
        .setParameter(1, keyHash)
        .setParameter(2, orderId)
        .setParameter(3, sealedToken)
        .executeUpdate();
  }

  /** Deletes up to {@code limit} request keys that expired before {@code before}. */
  public int forgetKeys(Instant before, int limit) {
    return em.createNativeQuery(
            "DELETE FROM order_request_key WHERE expires_at < ?1 ORDER BY expires_at LIMIT ?2")
        .setParameter(1, Timestamp.from(before))
        .setParameter(2, limit)
        .executeUpdate();
  }

  /**
   * Claims up to {@code limit} unpaid orders whose payment deadline has passed, oldest deadline
   * first, skipping rows another transaction (on this or another server) holds: each due order is
   * claimed by exactly one scan.
   */
  public List<Order> claimDueUnpaid(Instant now, int limit) {
    return DueRows.claim(
        em, Order.class, "customer_order", "deadline", List.of(OrderState.SUBMITTED), now, limit);
  }

  /**
   * Claims up to {@code limit} orders of these products in {@code state}, earliest deadline first
   * (for paid orders the order they were paid in, for waiting ones the order they began to wait
   * in), skipping rows another transaction holds; with {@code stuck}, only orders late for that
   * reason. The candidates are found by a plain read and then locked by primary key: a locking
   * range scan would also lock the gaps of the state index, and concurrent claimers that then move
   * their orders to another state deadlock on each other's gaps.
   */
  public List<Order> claimOfProducts(
      OrderState state, Optional<StuckReason> stuck, Collection<Long> productIds, int limit) {
    if (productIds.isEmpty() || limit <= 0) {
      return List.of();
    }
    // Product ids are numbers from the catalogue, so they can be part of the statement.
    String products =
        productIds.stream().map(id -> Long.toString(id)).collect(Collectors.joining(","));
    // Without a stuck reason, the stuck condition compares the state with itself.
    String condition = "state = ?1 AND " + (stuck.isPresent() ? "stuck_reason" : "state") + " = ?2";
    String stuckOrState = stuck.map(Enum::name).orElse(state.name());
    Query candidates =
        em.createNativeQuery(
            "SELECT id FROM customer_order WHERE "
                + condition
                + " AND product_id IN ("
                + products
                + ") ORDER BY deadline, id LIMIT ?3");
    candidates.setParameter(1, state.name());
    candidates.setParameter(2, stuckOrState);
    candidates.setParameter(3, limit);
    List<Long> ids = DueRows.ids(candidates);
    if (ids.isEmpty()) {
      return List.of();
    }
    Query claim =
        em.createNativeQuery(
            "SELECT id FROM customer_order FORCE INDEX (PRIMARY) WHERE id IN ("
                + DueRows.list(ids)
                + ") AND "
                + condition
                + " ORDER BY deadline, id FOR UPDATE SKIP LOCKED");
    claim.setParameter(1, state.name());
    claim.setParameter(2, stuckOrState);
    return DueRows.ids(claim).stream().map(id -> em.find(Order.class, id)).toList();
  }

  /** Claims one order if it is in {@code state} and no other transaction holds it. */
  public Optional<Order> claimOne(long id, OrderState state) {
    return DueRows.ids(
            em.createNativeQuery(
                    "SELECT id FROM customer_order WHERE id = ?1 AND state = ?2"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, id)
                .setParameter(2, state.name()))
        .stream()
        .findFirst()
        // Read as locked (the row is ours already), not as the transaction's snapshot saw it.
        .map(found -> em.find(Order.class, found, LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * Claims up to {@code limit} orders the platform is verifying past their verification deadline (a
   * dispatch that should have followed did not happen).
   */
  public List<Order> claimDueVerifying(Instant now, int limit) {
    return DueRows.claim(
        em,
        Order.class,
        "customer_order",
        "deadline",
        List.of(OrderState.VERIFYING),
        "owner = 'PLATFORM'",
        now,
        limit);
  }

  /** The condition of an order waiting in the merchants' grab pool. */
  private static final String IN_POOL =
      "state = 'FULFILLING' AND owner = 'MERCHANT' AND merchant IS NULL";

  /**
   * Up to {@code limit} orders waiting in the merchants' grab pool, the most urgent first (a plain
   * read: what a merchant is offered).
   */
  public List<Order> inPool(int limit) {
    return poolIds(limit).stream().map(id -> em.find(Order.class, id)).toList();
  }

  /** The ids of up to {@code limit} orders in the grab pool, the most urgent first. */
  public List<Long> poolIds(int limit) {
    return DueRows.ids(
        em.createNativeQuery(
                "SELECT id FROM customer_order WHERE "
                    + IN_POOL
                    + " ORDER BY deadline, id LIMIT ?1")
            .setParameter(1, limit));
  }

  /**
   * Claims order {@code id} if it is in the grab pool and no other transaction holds it; empty when
   * it is gone (another merchant was faster, or it left the pool). Read as locked, not as the
   * transaction's snapshot saw it.
   */
  public Optional<Order> claimFromPool(long id) {
    return DueRows.ids(
            em.createNativeQuery(
                    "SELECT id FROM customer_order WHERE id = ?1 AND "
                        + IN_POOL
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, id))
        .stream()
        .findFirst()
        .map(found -> em.find(Order.class, found, LockModeType.PESSIMISTIC_WRITE));
  }

  /** The id of the order with this number, without loading it (to lock it first). */
  public Optional<Long> idOf(String orderNo) {
    return DueRows.ids(
            em.createNativeQuery("SELECT id FROM customer_order WHERE order_no = ?1")
                .setParameter(1, orderNo))
        .stream()
        .findFirst();
  }

  /** The ids of the orders {@code merchant} holds now. */
  public List<Long> idsHeldBy(String merchant) {
    return DueRows.ids(
        em.createNativeQuery("SELECT id FROM customer_order WHERE merchant = ?1 AND state = ?2")
            .setParameter(1, merchant)
            .setParameter(2, OrderState.FULFILLING.name()));
  }

  /** The orders {@code merchant} holds now, the most urgent first. */
  public List<Order> heldBy(String merchant) {
    return em.createQuery(
            "SELECT o FROM Order o WHERE o.merchant = :merchant AND o.state = :state"
                + " ORDER BY o.deadline, o.id",
            Order.class)
        .setParameter("merchant", merchant)
        .setParameter("state", OrderState.FULFILLING)
        .getResultList();
  }

  /**
   * How many orders {@code merchant} holds, as the transaction's snapshot sees them (a plain read:
   * a locking count would take gap locks on the merchant index, and concurrent claims of different
   * merchants then deadlock inserting their own entries). Current only when the snapshot began
   * after the merchant's row was locked: first thing in the transaction, or in one of its own
   * ({@code MerchantLoad}).
   */
  public int countHeldBy(String merchant) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM customer_order WHERE merchant = ?1 AND state = ?2")
                .setParameter(1, merchant)
                .setParameter(2, OrderState.FULFILLING.name())
                .getSingleResult())
        .intValue();
  }

  /**
   * Claims up to {@code limit} merchant-channel orders whose deadline passed: held by a merchant
   * who let it wait, or left in the grab pool.
   */
  public List<Order> claimDueAtMerchants(Instant now, int limit) {
    return DueRows.claim(
        em,
        Order.class,
        "customer_order",
        "deadline",
        List.of(OrderState.FULFILLING),
        "owner = 'MERCHANT'",
        now,
        limit);
  }

  /** Per product, how many orders wait for a restock. */
  public java.util.Map<Long, Long> waitingForStockByProduct() {
    java.util.Map<Long, Long> waiting = new java.util.HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT product_id, COUNT(*) FROM customer_order WHERE state = ?1"
                    + " AND stuck_reason = ?2 GROUP BY product_id")
            .setParameter(1, OrderState.FULFILLING.name())
            .setParameter(2, StuckReason.OUT_OF_STOCK.name())
            .getResultList();
    for (Object[] row : rows) {
      waiting.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return waiting;
  }

  /** The products some order waits a restock of. */
  public List<Long> productsWaitingForStock() {
    return DueRows.ids(
        em.createNativeQuery(
                "SELECT DISTINCT product_id FROM customer_order WHERE state = ?1"
                    + " AND stuck_reason = ?2")
            .setParameter(1, OrderState.FULFILLING.name())
            .setParameter(2, StuckReason.OUT_OF_STOCK.name()));
  }

  /** Whether an order of the product waits for its stock (so a newer one must queue behind). */
  public boolean someWaitForStock(long productId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM customer_order WHERE state = ?1 AND stuck_reason = ?2"
                + " AND product_id = ?3 LIMIT 1")
        .setParameter(1, OrderState.FULFILLING.name())
        .setParameter(2, StuckReason.OUT_OF_STOCK.name())
        .setParameter(3, productId)
        .getResultList()
        .isEmpty();
  }

  private static Instant instant(Object column) {
    if (column instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (column instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("Not a time: " + column);
  }

  // ---- The escalation ladder, the review queue and the exception pool ----

  /** The ladder's kinds of due orders: their due column and condition. */
  public enum Due {
    /** The next ladder step (only open paid orders have a ladder due time). */
    LADDER_STEP("ladder_due", "TRUE"),
    /** The buyer did not correct the input in time. */
    BUYER_INPUT("deadline", "state = 'AWAITING_BUYER'"),
    /** A review is overdue. */
    REVIEW("deadline", "state = 'IN_REVIEW' AND owner = 'RISK_REVIEW'");

    final String column;
    final String condition;

    Due(String column, String condition) {
      this.column = column;
      this.condition = condition;
    }
  }

  /**
   * The ids of up to {@code limit} orders due for {@code kind}, the most overdue first (a plain
   * read through the index on the due column: orders that are not due cost nothing).
   */
  public List<Long> dueIds(Due kind, Instant now, int limit) {
    return DueRows.dueIds(em, "customer_order", kind.column, kind.condition, now, limit);
  }

  /** Claims the order if it is still due for {@code kind} and no other transaction holds it. */
  public Optional<Order> claimDue(Due kind, long id, Instant now) {
    return DueRows.claimOne(
        em, Order.class, "customer_order", kind.column, kind.condition, id, now);
  }

  /** Puts a step that failed on an order off until {@code retryAt}, so it does not block others. */
  public void postpone(Due kind, long id, Instant retryAt) {
    em.createNativeQuery("UPDATE customer_order SET " + kind.column + " = ?1 WHERE id = ?2")
        .setParameter(1, java.sql.Timestamp.from(retryAt))
        .setParameter(2, id)
        .executeUpdate();
  }

  /** The condition of an order in the review queue; with a level, at that level. */
  private static final String IN_REVIEW_QUEUE = "state = 'IN_REVIEW' AND owner = 'RISK_REVIEW'";

  /** The condition of an order in the exception pool. */
  private static final String IN_EXCEPTION_POOL =
      "escalated_at IS NOT NULL AND owner = 'PLATFORM'"
          + " AND state IN ('PAID', 'VERIFYING', 'IN_REVIEW', 'FULFILLING')";

  /** Up to {@code limit} orders in the review queue, the most urgent first (a plain read). */
  public List<Order> inReview(int limit) {
    return byIds(
        DueRows.ids(
            em.createNativeQuery(
                    "SELECT id FROM customer_order WHERE "
                        + IN_REVIEW_QUEUE
                        + " ORDER BY deadline, id LIMIT ?1")
                .setParameter(1, limit)));
  }

  /** Up to {@code limit} orders in the exception pool, the longest waiting first (a plain read). */
  public List<Order> inExceptionPool(int limit) {
    return byIds(
        DueRows.ids(
            em.createNativeQuery(
                    "SELECT id FROM customer_order WHERE "
                        + IN_EXCEPTION_POOL
                        + " ORDER BY escalated_at, id LIMIT ?1")
                .setParameter(1, limit)));
  }

  /**
   * Claims the most urgent order of the review queue nobody has claimed (at the first level only,
   * unless {@code senior}), skipping rows another transaction holds.
   */
  public Optional<Order> claimNextReview(boolean senior) {
    return claimFirst(
        IN_REVIEW_QUEUE + " AND handler IS NULL" + (senior ? "" : " AND review_level = 1"),
        "deadline");
  }

  /** Claims the longest waiting order of the exception pool nobody has claimed. */
  public Optional<Order> claimNextInExceptionPool() {
    return claimFirst(IN_EXCEPTION_POOL + " AND handler IS NULL", "escalated_at");
  }

  /** The first row (by {@code order}) meeting {@code condition} that no other transaction holds. */
  private Optional<Order> claimFirst(String condition, String order) {
    List<Long> candidates =
        DueRows.ids(
            em.createNativeQuery(
                "SELECT id FROM customer_order WHERE "
                    + condition
                    + " ORDER BY "
                    + order
                    + ", id LIMIT 20"));
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    return DueRows.ids(
            em.createNativeQuery(
                "SELECT id FROM customer_order FORCE INDEX (PRIMARY) WHERE id IN ("
                    + DueRows.list(candidates)
                    + ") AND "
                    + condition
                    + " ORDER BY "
                    + order
                    + ", id LIMIT 1 FOR UPDATE SKIP LOCKED"))
        .stream()
        .findFirst()
        .map(id -> em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  private List<Order> byIds(List<Long> ids) {
    return ids.stream().map(id -> em.find(Order.class, id)).toList();
  }
}
