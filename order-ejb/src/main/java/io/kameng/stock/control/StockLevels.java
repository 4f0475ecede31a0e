package io.kameng.stock.control;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.Product;
import io.kameng.order.control.OrderBook;
import io.kameng.stock.entity.StockLevel;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Where card-key products' stock stands, in the caller's transaction; no role checks. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StockLevels {

  @Inject CardKeyShelf shelf;
  @Inject ProductRegistry products;
  @Inject OrderBook orders;

  /**
   * The stock of the card-key products {@code which} accepts: keys available and issued, orders
   * waiting for a restock, low and sold-out flags; the lowest stock first.
   */
  public List<StockLevel> of(Predicate<Product> which) {
    Map<Long, long[]> counts = shelf.counts();
    Map<Long, Long> waiting = orders.waitingForStockByProduct();
    return products.idsOfChannel(FulfilmentChannel.CARD_KEY).stream()
        .map(id -> products.byId(id).orElseThrow())
        .filter(which)
        .map(
            product -> {
              long[] keys = counts.getOrDefault(product.id(), new long[2]);
              return new StockLevel(
                  product.id(),
                  product.nameZh(),
                  product.nameEn(),
                  keys[0],
                  keys[1],
                  waiting.getOrDefault(product.id(), 0L),
                  product.isListed(),
                  product.isSoldOut());
            })
        .sorted(
            Comparator.comparingLong(StockLevel::available).thenComparing(StockLevel::productId))
        .toList();
  }
}
