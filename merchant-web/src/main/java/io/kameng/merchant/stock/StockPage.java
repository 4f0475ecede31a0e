package io.kameng.merchant.stock;

import io.kameng.console.stock.CardKeyImportForm;
import io.kameng.stock.boundary.MerchantStock;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.StockLevel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs {@code stock.xhtml}: the signed-in merchant's card-key products with their stock (low and
 * sold-out first), and importing keys — pasted or a CSV file — into them.
 */
@Named("myStock")
@RequestScoped
public class StockPage extends CardKeyImportForm {

  @Inject MerchantStock stock;

  @Override
  protected List<StockLevel> loadLevels() {
    return stock.myLevels();
  }

  @Override
  protected ImportReport importInto(long productId, String csv, boolean acceptValidRows) {
    return stock.importKeys(productId, csv, acceptValidRows);
  }
}
