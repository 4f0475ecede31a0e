package io.kameng.supply.entity;

import java.util.List;

/**
 * Where a supplier product's orders go: the suppliers it tries in order (empty: the server's
 * default order), then the merchants' grab pool if {@code merchantFallback}, then the exception
 * pool.
 */
public record SupplyRoute(
    long productId, String nameZh, String nameEn, List<String> chain, boolean merchantFallback) {

  /** The product id as text, to key a page's form fields by. */
  public String key() {
    return Long.toString(productId);
  }
}
