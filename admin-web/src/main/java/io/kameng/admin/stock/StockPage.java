package io.kameng.admin.stock;

import io.kameng.admin.AdminOnly;
import io.kameng.platform.entity.BusinessException;
import io.kameng.stock.boundary.CardKeyStock;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.StockLevel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Backs {@code stock/levels.xhtml}: every card-key product's stock (low and sold-out ones first,
 * with the orders waiting for a restock), and importing keys by pasting a CSV file, with the report
 * of rejected rows.
 */
@Named("cardKeyStock")
@RequestScoped
public class StockPage {

  @Inject CardKeyStock stock;

  private List<StockLevel> levels;
  private Long productId;
  private String keys = "";
  private boolean acceptValidRows;
  private ImportReport report;

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  /** Imports the pasted keys into the chosen product's stock; the report stays on the page. */
  public void importKeys() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
    if (productId == null || keys == null || keys.isBlank()) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, messages.getString("stock.import.empty"), null));
      return;
    }
    try {
      report = stock.importKeys(productId, keys, acceptValidRows);
      levels = null;
      if (report.stored()) {
        keys = "";
      }
    } catch (BusinessException refused) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              messages.getString("error." + refused.code()),
              refused.getMessage()));
    }
  }

  public List<StockLevel> getLevels() {
    if (levels == null) {
      levels = stock.levels();
    }
    return levels;
  }

  public ImportReport getReport() {
    return report;
  }

  public Long getProductId() {
    return productId;
  }

  public void setProductId(Long productId) {
    this.productId = productId;
  }

  public String getKeys() {
    return keys;
  }

  public void setKeys(String keys) {
    this.keys = keys;
  }

  public boolean isAcceptValidRows() {
    return acceptValidRows;
  }

  public void setAcceptValidRows(boolean acceptValidRows) {
    this.acceptValidRows = acceptValidRows;
  }
}
