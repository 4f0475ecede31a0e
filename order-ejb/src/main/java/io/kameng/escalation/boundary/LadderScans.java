package io.kameng.escalation.boundary;

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
 * The escalation ladder's scan, every 2 seconds on every server: overdue reviews, uncorrected
 * input, then the ladder's steps (delay notice, exception pool, automatic refund). A run with
 * nothing due is one index range read per kind, whatever the number of open orders, so it can run
 * this often; a step is applied at most about 2 seconds after its deadline. Not persistent: what is
 * due is stored on the orders, so a missed run loses nothing, and the claims make concurrent runs
 * on several servers safe.
 */
@Singleton
@RunAs(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LadderScans {

  private static final Logger LOG = Logger.getLogger(LadderScans.class.getName());

  @Inject SchemaMigration migration;
  @Inject EscalationLadder ladder;

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void scan() {
    if (!migration.state().applied()) {
      return;
    }
    try {
      while (ladder.escalateReviews() == EscalationLadder.BATCH) {
        LOG.fine("Another batch of overdue reviews");
      }
      while (ladder.refundUncorrected() == EscalationLadder.BATCH) {
        LOG.fine("Another batch of uncorrected orders");
      }
      while (ladder.climbDue() == EscalationLadder.BATCH) {
        LOG.fine("Another batch of ladder steps is due");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Ladder scan failed; the next one retries", e);
    }
  }
}
