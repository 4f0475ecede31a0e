package io.kameng.admin.suppliers;

import io.kameng.admin.AdminOnly;
import io.kameng.platform.entity.BusinessException;
import io.kameng.supply.boundary.SupplierCircuits;
import io.kameng.supply.boundary.SupplyRouting;
import io.kameng.supply.entity.SupplierHealth;
import io.kameng.supply.entity.SupplyRoute;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Backs {@code suppliers/circuits.xhtml}: each enabled supplier's circuit state and error rate on
 * this server (MicroProfile Metrics) and its last hour's recharges on all servers; and each
 * supplier product's route when a supplier cannot take an order (its suppliers in order, then the
 * merchants' grab pool or not, then the exception pool).
 */
@Named("supplierCircuits")
@RequestScoped
public class CircuitsPage {

  @Inject SupplierCircuits circuits;
  @Inject SupplyRouting routing;

  private List<SupplierHealth> suppliers;
  private List<SupplyRoute> routes;

  /**
   * Per product id (as text: the page's forms post to maps keyed like the merchants page), the
   * chain as typed (comma-separated) and the merchant-pool choice.
   */
  private final Map<String, String> chains = new HashMap<>();

  private final Map<String, Boolean> merchantFallbacks = new HashMap<>();

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

  public List<SupplyRoute> getRoutes() {
    if (routes == null) {
      routes = routing.routes();
      for (SupplyRoute route : routes) {
        chains.putIfAbsent(route.key(), String.join(",", route.chain()));
        merchantFallbacks.putIfAbsent(route.key(), route.merchantFallback());
      }
    }
    return routes;
  }

  /** This server's default chain (what an empty chain means). */
  public String getDefaultChain() {
    return String.join(", ", routing.defaultChain());
  }

  /** Every supplier this server has: the names a chain may use. */
  public String getSupplierNames() {
    return String.join(", ", routing.suppliers());
  }

  public Map<String, String> getChains() {
    return chains;
  }

  public Map<String, Boolean> getMerchantFallbacks() {
    return merchantFallbacks;
  }

  /** Saves one product's route as entered in its row. */
  public void save(String productId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
    String chain = chains.getOrDefault(productId, "");
    try {
      routing.route(
          Long.parseLong(productId),
          Arrays.asList(chain == null ? new String[0] : chain.split(",")),
          Boolean.TRUE.equals(merchantFallbacks.get(productId)));
      // Shown again as stored (names trimmed), not as typed.
      chains.remove(productId);
      merchantFallbacks.remove(productId);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              MessageFormat.format(messages.getString("suppliers.route.saved"), productId),
              null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              messages.getString("error." + refused.code()),
              refused.getMessage()));
    }
    routes = null;
  }
}
