package io.kameng.stock.boundary;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.Product;
import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.stock.control.CardKeyImport;
import io.kameng.stock.control.StockLevels;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.StockException;
import io.kameng.stock.entity.StockLevel;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A merchant's own card-key stock: the card-key products whose stock the signed-in merchant owns,
 * where each stands (a low or sold-out one is the merchant's warning to restock), and importing
 * keys into them, checked row by row like the platform's imports. Another merchant's product, or
 * one that does not exist, is refused alike ({@code stock.notYourProduct}).
 */
@Stateless
@RolesAllowed(Role.Names.MERCHANT)
public class MerchantStock {

  @Resource SessionContext caller;
  @Inject StockLevels levels;
  @Inject CardKeyImport imports;
  @Inject ProductRegistry products;
  @Inject PlatformClock clock;

  /** The caller's card-key products, the lowest stock first. */
  public List<StockLevel> myLevels() {
    String me = me();
    return levels.of(product -> product.stockOwner().filter(me::equals).isPresent());
  }

  /** The caller's products that are low (10 keys or fewer) or sold out: restock them. */
  public List<StockLevel> lowStock() {
    return myLevels().stream().filter(StockLevel::isLow).toList();
  }

  /**
   * Imports the keys of {@code csv} into one of the caller's card-key products; see {@link
   * CardKeyStock#importKeys}.
   */
  public ImportReport importKeys(long productId, @NotNull String csv, boolean acceptValidRows) {
    String me = me();
    Product product =
        products
            .byId(productId)
            .filter(p -> p.stockOwner().filter(me::equals).isPresent())
            .orElseThrow(
                () ->
                    new StockException(
                        "stock.notYourProduct", "No card-key product " + productId + " of yours"));
    return imports.importInto(product, csv, acceptValidRows, clock.now());
  }

  private String me() {
    return caller.getCallerPrincipal().getName();
  }
}
