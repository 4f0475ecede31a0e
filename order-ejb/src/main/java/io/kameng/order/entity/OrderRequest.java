package io.kameng.order.entity;

import io.kameng.platform.control.Digests;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a buyer asks for, as typed: a product, a quantity and the recipient fields. The price is not
 * part of it; the platform computes it from the product.
 */
public record OrderRequest(long productId, int quantity, Map<String, String> input) {

  public OrderRequest {
    input = Map.copyOf(Objects.requireNonNull(input, "Input is required."));
  }

  /**
   * A digest of the request's meaning (not its bytes): equal for the same product, quantity and
   * fields in any order, different as soon as one of them differs.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder().append(productId).append('\n').append(quantity);
    // Length-prefixed, so no value can pass for a separator and another field.
    new TreeMap<>(input)
        .forEach(
            (name, value) ->
                canonical
                    .append('\n')
                    .append(name.length())
                    .append(':')
                    .append(name)
                    .append(value.length())
                    .append(':')
                    .append(value));
    return Digests.sha256Hex(canonical.toString());
  }
}
