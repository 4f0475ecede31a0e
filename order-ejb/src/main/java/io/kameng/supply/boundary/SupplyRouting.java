package io.kameng.supply.boundary;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.CatalogueException;
import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.Product;
import io.kameng.identity.entity.Role;
import io.kameng.supply.control.Suppliers;
import io.kameng.supply.entity.SupplyRoute;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Where each supplier product's orders go when a supplier cannot take them, for admins: the
 * suppliers to try in order (none set: the server's {@code kameng.supplier.providers}), then the
 * merchants' grab pool if the product allows it, then the platform's exception pool.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class SupplyRouting {

  @Inject ProductRegistry products;
  @Inject Suppliers suppliers;

  /** Every supplier product with its route. */
  public List<SupplyRoute> routes() {
    return products.idsOfChannel(FulfilmentChannel.SUPPLIER).stream()
        .map(id -> products.byId(id).orElseThrow())
        .map(
            product ->
                new SupplyRoute(
                    product.id(),
                    product.nameZh(),
                    product.nameEn(),
                    product.supplierChain().orElse(List.of()),
                    product.hasMerchantFallback()))
        .toList();
  }

  /** The default chain of this server: what an empty chain means. */
  public List<String> defaultChain() {
    return suppliers.chain().stream().map(supplier -> supplier.provider()).toList();
  }

  /** Every supplier this server has, the names a chain may use. */
  public List<String> suppliers() {
    return suppliers.names();
  }

  /**
   * Sets a supplier product's route: {@code chain} (names of suppliers this server has, in order;
   * empty for the server's own order) and whether the merchants' grab pool comes before the
   * exception pool. An unknown supplier name is refused ({@code supply.unknownSupplier}).
   */
  public void route(long productId, @NotNull List<String> chain, boolean merchantFallback) {
    List<String> known = suppliers.names();
    List<String> unknown =
        chain.stream().map(String::strip).filter(n -> !n.isEmpty() && !known.contains(n)).toList();
    if (!unknown.isEmpty()) {
      throw new CatalogueException(
          "supply.unknownSupplier", "No supplier " + String.join(", ", unknown) + " here");
    }
    Product product =
        products
            .byId(productId)
            .orElseThrow(
                () ->
                    new CatalogueException("catalogue.unknownProduct", "No product " + productId));
    product.routeSupplyFailures(chain, merchantFallback);
    products.changed(productId);
  }
}
