package io.kameng.order.boundary;

import io.kameng.fulfilment.boundary.Dispatch;
import io.kameng.identity.entity.Role;
import io.kameng.merchants.boundary.MerchantDeadlines;
import io.kameng.payment.boundary.PaymentQueries;
import io.kameng.payment.boundary.Refunds;
import io.kameng.platform.boundary.PlatformSettings;
import io.kameng.platform.boundary.SchemaMigration;
import io.kameng.supply.boundary.SupplierQueries;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic order scans of this server: unpaid expiry, the active payment queries, refunds,
 * dispatching paid orders, the supplier queries, the merchants' deadlines; each scan first reloads
 * the platform settings admins changed. The escalation ladder has its own, faster scan ({@code
 * LadderScans}). Every server runs them; the row claims in the scans make that safe. Not
 * persistent: what is due is decided by the deadlines stored on the orders, not by the timer, so a
 * missed tick loses nothing.
 */
@Singleton
@RunAs(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderScans {

  private static final Logger LOG = Logger.getLogger(OrderScans.class.getName());

  @Inject SchemaMigration migration;
  @Inject UnpaidOrderExpiry expiry;
  @Inject PaymentQueries paymentQueries;
  @Inject Refunds refunds;
  @Inject Dispatch dispatch;
  @Inject SupplierQueries supplierQueries;
  @Inject MerchantDeadlines merchantDeadlines;
  @Inject PlatformSettings settings;

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
  void scan() {
    if (!migration.state().applied()) {
      return;
    }
    try {
      settings.refresh();
      while (expiry.expireDue() == UnpaidOrderExpiry.BATCH) {
        LOG.fine("Another batch of unpaid orders is due");
      }
      while (paymentQueries.queryDue() == PaymentQueries.BATCH) {
        LOG.fine("Another batch of payment queries is due");
      }
      while (refunds.processDue() == Refunds.BATCH) {
        LOG.fine("Another batch of refunds is due");
      }
      while (dispatch.dispatchDue() >= Dispatch.BATCH) {
        LOG.fine("Another batch of paid orders is due");
      }
      while (supplierQueries.queryDue() == SupplierQueries.BATCH) {
        LOG.fine("Another batch of supplier queries is due");
      }
      while (merchantDeadlines.releaseDue() == MerchantDeadlines.BATCH) {
        LOG.fine("Another batch of merchant deadlines is due");
      }
      expiry.forgetOldRequestKeys();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Order scan failed; the next one retries", e);
    }
  }
}
