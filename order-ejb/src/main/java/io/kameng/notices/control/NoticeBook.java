package io.kameng.notices.control;

import io.kameng.notices.entity.NoticeAttempt;
import io.kameng.order.entity.NoticeDelivery;
import io.kameng.order.entity.OrderNotice;
import io.kameng.platform.control.DueRows;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's bookkeeping, each step in a transaction of its own so no row is locked while a
 * webhook is sent: lease the due notices, then record each attempt's outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NoticeBook {

  /** How long a leased notice is left to its sender before another may try it. */
  static final Duration LEASE = Duration.ofMinutes(2);

  @PersistenceContext EntityManager em;

  /** A notice to send: its id and its JSON body. */
  public record Outgoing(long id, String body) {}

  /**
   * Leases up to {@code limit} notices due to be sent ({@code FOR UPDATE SKIP LOCKED}, then their
   * next attempt moved past the lease), and answers them with their bodies.
   */
  public List<Outgoing> leaseDue(Instant now, int limit) {
    List<OrderNotice> due =
        DueRows.claim(
            em,
            OrderNotice.class,
            "order_notice",
            "next_attempt_at",
            List.of(),
            "delivery = 'PENDING'",
            now,
            limit);
    return due.stream()
        .map(
            notice -> {
              notice.leased(now.plus(LEASE));
              return new Outgoing(notice.id(), body(notice));
            })
        .toList();
  }

  /** What the attempt gave: delivered (2xx), or failed and due again later (or given up). */
  public void record(long noticeId, String target, Integer status, String outcome, Instant now) {
    OrderNotice notice = em.find(OrderNotice.class, noticeId);
    if (notice == null || notice.delivery() != NoticeDelivery.PENDING) {
      return;
    }
    if (status != null && status / 100 == 2) {
      notice.delivered(now);
    } else {
      notice.failed(now);
    }
    em.persist(new NoticeAttempt(noticeId, now, target, status, outcome));
  }

  /** No endpoint is configured: the notice stays in the app. */
  public void inAppOnly(long noticeId) {
    OrderNotice notice = em.find(OrderNotice.class, noticeId);
    if (notice != null && notice.delivery() == NoticeDelivery.PENDING) {
      notice.inAppOnly();
    }
  }

  static String body(OrderNotice notice) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("noticeId", notice.id())
            .add("orderNo", notice.order().orderNo())
            .add("kind", notice.kind().name())
            .add("state", notice.order().state().name())
            .add("createdAt", notice.createdAt().toString());
    notice.cause().ifPresent(cause -> json.add("cause", cause.name()));
    notice.expectedAt().ifPresent(at -> json.add("expectedAt", at.toString()));
    return json.build().toString();
  }
}
