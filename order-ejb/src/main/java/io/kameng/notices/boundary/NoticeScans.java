package io.kameng.notices.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.SchemaMigration;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox's due notices every 5 seconds (the first retry waits 15 s). Every server runs
 * it; the leases make that safe. Not persistent: what is due is stored on the notices.
 */
@Singleton
@RunAs(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeScans {

  private static final Logger LOG = Logger.getLogger(NoticeScans.class.getName());

  @Inject SchemaMigration migration;
  @Inject NoticeDelivery delivery;

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void deliver() {
    if (!migration.state().applied()) {
      return;
    }
    try {
      while (delivery.deliverDue() == NoticeDelivery.BATCH) {
        LOG.fine("Another batch of notices is due");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Notice delivery failed; the next run retries", e);
    }
  }
}
