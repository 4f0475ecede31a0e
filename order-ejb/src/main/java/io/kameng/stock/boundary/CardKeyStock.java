package io.kameng.stock.boundary;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.Product;
import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.stock.control.CardKeyImport;
import io.kameng.stock.control.CardKeyShelf;
import io.kameng.stock.control.StockLevels;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.StockException;
import io.kameng.stock.entity.StockLevel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Card-key stock for admins: importing keys for any card-key product from a CSV file (they belong
 * to the product's stock owner, a merchant or the platform), and where each product's stock stands.
 * Every row is checked (empty, malformed, a duplicate within the file or of a key ever stocked);
 * the import is one transaction, so a file is stored whole or not at all.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class CardKeyStock {

  @Inject CardKeyShelf shelf;
  @Inject CardKeyImport imports;
  @Inject ProductRegistry products;
  @Inject StockLevels levels;
  @Inject PlatformClock clock;

  /**
   * Imports the keys of {@code csv} (one per line, optional header {@code code}) into the stock of
   * a card-key product. With rejected rows, nothing is stored unless {@code acceptValidRows}: then
   * the valid rows are, and the report still lists the rest.
   */
  public ImportReport importKeys(long productId, @NotNull String csv, boolean acceptValidRows) {
    Product product =
        products
            .byId(productId)
            .filter(p -> p.channel() == FulfilmentChannel.CARD_KEY)
            .orElseThrow(
                () ->
                    new StockException(
                        "stock.notCardKeyProduct", "Product " + productId + " sells no card keys"));
    return imports.importInto(product, csv, acceptValidRows, clock.now());
  }

  /**
   * Every card-key product's stock: keys available and issued, orders waiting for a restock, low
   * and sold-out flags; the lowest stock first.
   */
  public List<StockLevel> levels() {
    return levels.of(product -> true);
  }

  /** How many keys of the product are in stock. */
  public long available(long productId) {
    return shelf.available(productId);
  }
}
