package io.kameng.supply.control;

import io.kameng.platform.control.DueRows;
import io.kameng.supply.entity.SupplierOrder;
import io.kameng.supply.entity.SupplierOrderState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Supplier orders in the caller's transaction; no role checks. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SupplierBook {

  @PersistenceContext EntityManager em;

  public void add(SupplierOrder order) {
    em.persist(order);
    em.flush();
  }

  public List<SupplierOrder> ofOrder(long orderId) {
    return em.createNamedQuery(SupplierOrder.OF_ORDER, SupplierOrder.class)
        .setParameter("orderId", orderId)
        .getResultList();
  }

  /** A supplier order by request id, locked until the transaction ends (results apply once). */
  public Optional<SupplierOrder> lockByRequest(String requestId) {
    return em.createNamedQuery(SupplierOrder.BY_REQUEST, SupplierOrder.class)
        .setParameter("requestId", requestId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Claims up to {@code limit} sent recharges whose query is due. */
  public List<SupplierOrder> claimDueQueries(Instant now, int limit) {
    return DueRows.claim(
        em,
        SupplierOrder.class,
        "supplier_order",
        "next_query_at",
        List.of(SupplierOrderState.SENT),
        now,
        limit);
  }
}
