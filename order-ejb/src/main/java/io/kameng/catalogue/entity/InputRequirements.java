package io.kameng.catalogue.entity;

import java.util.List;
import java.util.Objects;

/**
 * What a product asks of the buyer, as the buyer input rules need it.
 *
 * @param type the product type, which names the fields
 * @param carrier for phone and data top-ups, the carrier the product is for; otherwise null
 * @param servers for game recharges, the servers to choose from; otherwise empty
 */
public record InputRequirements(ProductType type, Carrier carrier, List<String> servers) {

  public InputRequirements {
    Objects.requireNonNull(type, "Product type is required.");
    if (type.isForCarrier()) {
      Objects.requireNonNull(carrier, "A top-up product needs its carrier.");
    }
    servers = servers == null ? List.of() : List.copyOf(servers);
  }
}
