package io.kameng.admin.stock;

import io.kameng.admin.AdminOnly;
import io.kameng.console.stock.CardKeyImportForm;
import io.kameng.stock.boundary.CardKeyStock;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.StockLevel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code stock/levels.xhtml}: every card-key product's stock (low and sold-out ones first,
 * with the orders waiting for a restock), and importing keys — pasted or a CSV file — into any of
 * them, with the report of rejected rows.
 */
@Named("cardKeyStock")
@RequestScoped
public class StockPage extends CardKeyImportForm {

  @Inject CardKeyStock stock;

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  @Override
  protected List<StockLevel> loadLevels() {
    return stock.levels();
  }

  @Override
  protected ImportReport importInto(long productId, String csv, boolean acceptValidRows) {
    return stock.importKeys(productId, csv, acceptValidRows);
  }
}
