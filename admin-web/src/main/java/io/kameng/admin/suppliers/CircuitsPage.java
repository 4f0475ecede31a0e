package io.kameng.admin.suppliers;

import io.kameng.admin.AdminOnly;
import io.kameng.supply.boundary.SupplierCircuits;
import io.kameng.supply.entity.SupplierHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code suppliers/circuits.xhtml}: each enabled supplier's circuit state and error rate on
 * this server (MicroProfile Metrics), and its last hour's recharges on all servers.
 */
@Named("supplierCircuits")
@RequestScoped
public class CircuitsPage {

  @Inject SupplierCircuits circuits;

  private List<SupplierHealth> suppliers;

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  public List<SupplierHealth> getSuppliers() {
    if (suppliers == null) {
      suppliers = circuits.health();
    }
    return suppliers;
  }
}
