package io.kameng.notices.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.notices.control.NoticeBook;
import io.kameng.notices.control.WebhookSender;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Delivers the due notices of the outbox to the storefront's webhook endpoint (platform setting
 * {@code notice-webhook-url}); one batch per call, no transaction held while sending.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeDelivery {

  public static final int BATCH = 50;

  @Inject NoticeBook book;
  @Inject WebhookSender sender;
  @Inject PlatformClock clock;

  /** Sends one batch of due notices; answers how many were due. */
  public int deliverDue() {
    Instant now = clock.now();
    List<NoticeBook.Outgoing> due = book.leaseDue(now, BATCH);
    String url = LiveSettings.text(Setting.NOTICE_WEBHOOK_URL);
    for (NoticeBook.Outgoing notice : due) {
      if (url.isEmpty()) {
        book.inAppOnly(notice.id());
        continue;
      }
      Integer status = null;
      String outcome;
      try {
        status = sender.send(url, notice.id(), notice.body());
        outcome = status / 100 == 2 ? "taken" : "refused with HTTP " + status;
      } catch (RuntimeException e) {
        Thread.interrupted();
        outcome = "not reached: " + e;
      }
      book.record(notice.id(), url, status, outcome, clock.now());
    }
    return due.size();
  }
}
