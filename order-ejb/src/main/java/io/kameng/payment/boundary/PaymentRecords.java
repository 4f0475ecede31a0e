package io.kameng.payment.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.payment.entity.NoticeOutcome;
import io.kameng.payment.entity.PaymentNotice;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;

/**
 * What admins look at when money does not add up: notices that changed nothing for a reason other
 * than being a repeat (forged, mismatched, unknown, extra or late payments), and refunds that are
 * not confirmed yet or were refused.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class PaymentRecords {

  @PersistenceContext EntityManager em;

  /** The newest notices that were not simply applied or repeated. */
  public List<PaymentNotice> noticeProblems(int limit) {
    return em.createNamedQuery(PaymentNotice.PROBLEMS, PaymentNotice.class)
        .setParameter("fine", EnumSet.of(NoticeOutcome.APPLIED, NoticeOutcome.REPEATED))
        .setMaxResults(limit)
        .getResultList();
  }

  /** The newest refunds not confirmed by the gateway: due, retrying, or refused. */
  public List<Refund> openRefunds(int limit) {
    return em.createNamedQuery(Refund.NOT_SUCCEEDED, Refund.class)
        .setParameter("succeeded", RefundState.SUCCEEDED)
        .setMaxResults(limit)
        .getResultList();
  }
}
