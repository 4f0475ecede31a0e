package io.kameng.admin.home;

import io.kameng.partner.boundary.Partners;
import io.kameng.partner.entity.PartnerStatus;
import io.kameng.reconciliation.boundary.ReconciliationReport;
import io.kameng.reconciliation.boundary.ReconciliationReport.Warnings;
import io.kameng.stock.boundary.CardKeyStock;
import io.kameng.stock.entity.StockLevel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backs the admin home page: who is signed in, whether the partners answer, and how many card-key
 * products run low, and what the reconciliation leaves open (differences, missing statements).
 */
@Named("adminHome")
@RequestScoped
public class HomePage {

  @Inject Partners partners;

  @Inject CardKeyStock stock;

  @Inject ReconciliationReport reconciliation;

  private Warnings reconciliationWarnings;

  private PartnerStatus sandbox;

  private Long lowStock;

  public PartnerStatus getSandbox() {
    if (sandbox == null) {
      sandbox = partners.sandboxStatus();
    }
    return sandbox;
  }

  /** How many card-key products are low on stock or sold out: the warning on the home page. */
  public long getLowStock() {
    if (lowStock == null) {
      lowStock = stock.levels().stream().filter(StockLevel::isLow).count();
    }
    return lowStock;
  }

  /** Open differences and days without a statement: the reconciliation warning (ADMIN only). */
  public Warnings getReconciliation() {
    if (reconciliationWarnings == null) {
      reconciliationWarnings = reconciliation.warnings();
    }
    return reconciliationWarnings;
  }

  public String getSandboxUrl() {
    return partners.sandboxUrl();
  }
}
