package io.kameng.payment.control;

import io.kameng.payment.entity.PaymentAttempt;
import io.kameng.payment.entity.PaymentNotice;
import io.kameng.payment.entity.PaymentState;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundState;
import io.kameng.platform.control.DueRows;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores payment attempts and notices inside the caller's transaction; no role checks. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PaymentBook {

  @PersistenceContext EntityManager em;

  public void add(PaymentAttempt attempt) {
    em.persist(attempt);
    em.flush();
  }

  public int attemptsFor(long orderId) {
    return em.createNamedQuery(PaymentAttempt.COUNT_FOR_ORDER, Long.class)
        .setParameter("orderId", orderId)
        .getSingleResult()
        .intValue();
  }

  public Optional<PaymentAttempt> byReference(String reference) {
    return em.createNamedQuery(PaymentAttempt.BY_REFERENCE, PaymentAttempt.class)
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst();
  }

  /**
   * Compare-and-set: marks the attempt paid only if it is not paid yet. Exactly one of any number
   * of concurrent callers gets {@code true}; the others wait for it and get {@code false}.
   */
  public boolean markPaid(long attemptId, String gatewayTradeNo, Instant paidAt) {
    // By primary key: a scan that claimed the attempt holds its row, and an update through the
    // reference index would take that index's lock first and deadlock with it.
    return em.createNativeQuery(
                "UPDATE payment_attempt SET state = ?1, paid_at = ?2, gateway_trade_no = ?3,"
                    + " next_query_at = NULL, version = version + 1"
                    + " WHERE id = ?4 AND state <> ?1")
            .setParameter(1, PaymentState.PAID.name())
            .setParameter(2, Timestamp.from(paidAt))
            .setParameter(3, gatewayTradeNo)
            .setParameter(4, attemptId)
            .executeUpdate()
        == 1;
  }

  /**
   * Claims up to {@code limit} unpaid attempts whose next query is due, skipping rows another
   * transaction holds.
   */
  public List<PaymentAttempt> claimDueQueries(Instant now, int limit) {
    return DueRows.claim(
        em,
        PaymentAttempt.class,
        "payment_attempt",
        "next_query_at",
        List.of(PaymentState.CREATED),
        now,
        limit);
  }

  public void addRefund(Refund refund) {
    em.persist(refund);
  }

  public int refundsFor(long attemptId) {
    return em.createNamedQuery(Refund.COUNT_FOR_ATTEMPT, Long.class)
        .setParameter("attemptId", attemptId)
        .getSingleResult()
        .intValue();
  }

  public Optional<PaymentAttempt> attempt(long id) {
    return Optional.ofNullable(em.find(PaymentAttempt.class, id));
  }

  /** Claims up to {@code limit} refunds due for a try, skipping rows another transaction holds. */
  public List<Refund> claimDueRefunds(Instant now, int limit) {
    return DueRows.claim(
        em,
        Refund.class,
        "refund",
        "next_try_at",
        List.of(RefundState.REQUESTED, RefundState.RETRYING),
        now,
        limit);
  }

  /** The order's paid attempts, first paid first. */
  public List<PaymentAttempt> paidAttemptsFor(long orderId) {
    return em.createNamedQuery(PaymentAttempt.PAID_FOR_ORDER, PaymentAttempt.class)
        .setParameter("orderId", orderId)
        .setParameter("paid", PaymentState.PAID)
        .getResultList();
  }

  /**
   * Locks the attempt's row until the transaction ends: refunds of one attempt are asked for one at
   * a time, so their sum never passes the payment and their numbers never collide.
   */
  public PaymentAttempt lockAttempt(long id) {
    return em.find(PaymentAttempt.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The money of the attempt that is refunded or on its way back (refused refunds not counted). */
  public BigDecimal refundsHeld(long attemptId) {
    return em.createNamedQuery(Refund.HELD_FOR_ATTEMPT, BigDecimal.class)
        .setParameter("attemptId", attemptId)
        .setParameter("failed", RefundState.FAILED)
        .getSingleResult();
  }

  /** The order's refunds, oldest first. */
  public List<Refund> refundsOfOrder(long orderId) {
    return em.createNamedQuery(Refund.FOR_ORDER, Refund.class)
        .setParameter("orderId", orderId)
        .getResultList();
  }

  /** How many of the order's refunds the gateway has not answered for good yet. */
  public long openRefundsOf(long orderId) {
    return em.createNamedQuery(Refund.OPEN_FOR_ORDER, Long.class)
        .setParameter("orderId", orderId)
        .setParameter("open", List.of(RefundState.REQUESTED, RefundState.RETRYING))
        .getSingleResult();
  }

  public void record(PaymentNotice notice) {
    em.persist(notice);
  }

  /** The refund, locked for the caller's transaction. */
  public Optional<Refund> lockRefund(long id) {
    return Optional.ofNullable(
        em.find(Refund.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }
}
