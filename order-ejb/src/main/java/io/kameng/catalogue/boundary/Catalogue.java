package io.kameng.catalogue.boundary;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.Product;
import io.kameng.catalogue.entity.ProductSpec;
import io.kameng.identity.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/** The products on sale: anyone may browse them; admins put them on sale and take them off. */
@Stateless
public class Catalogue {

  @Inject ProductRegistry products;

  /** Products buyers can order now, oldest first. */
  @PermitAll
  public List<Product> listed() {
    return products.listed();
  }

  /** A product by id, listed or not (orders keep referring to delisted products). */
  @PermitAll
  public Optional<Product> find(long id) {
    return products.byId(id);
  }

  @RolesAllowed(Role.Names.ADMIN)
  public Product add(@NotNull ProductSpec spec) {
    return products.add(spec);
  }

  @RolesAllowed(Role.Names.ADMIN)
  public void delist(long id) {
    products.byId(id).ifPresent(Product::delist);
    products.changed(id);
  }

  @RolesAllowed(Role.Names.ADMIN)
  public void relist(long id) {
    products.byId(id).ifPresent(Product::relist);
    products.changed(id);
  }

  /**
   * Whether orders for more keys than the stock holds are delivered in part, the rest refunded
   * (otherwise they wait for a restock).
   */
  @RolesAllowed(Role.Names.ADMIN)
  public void allowPartialDelivery(long id, boolean allowed) {
    products.byId(id).ifPresent(product -> product.partialDelivery(allowed));
    products.changed(id);
  }
}
