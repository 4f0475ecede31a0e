package io.kameng.catalogue.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to put a product on sale, checked as a whole.
 *
 * @param nameZh the Chinese name buyers see
 * @param nameEn the English name buyers see
 * @param type what kind of goods, which fixes the buyer input
 * @param faceValue the face value in CNY (what the card or top-up is worth)
 * @param price the price in CNY the buyer pays for one
 * @param channel how orders are fulfilled
 * @param carrier for phone and data top-ups: whose numbers; otherwise null
 * @param designatedMerchant the merchant behind the product: for the merchant channel the one who
 *     fulfils its orders (null: the grab pool), for card keys the one whose stock it sells (null:
 *     the platform's own stock); none for suppliers
 * @param minQuantity the least a buyer may order at once
 * @param maxQuantity the most a buyer may order at once
 * @param servers for game recharges: the servers to choose from
 */
public record ProductSpec(
    String nameZh,
    String nameEn,
    ProductType type,
    BigDecimal faceValue,
    BigDecimal price,
    FulfilmentChannel channel,
    Carrier carrier,
    String designatedMerchant,
    int minQuantity,
    int maxQuantity,
    List<String> servers) {

  public ProductSpec {
    Objects.requireNonNull(nameZh, "Chinese name is required.");
    Objects.requireNonNull(nameEn, "English name is required.");
    Objects.requireNonNull(type, "Product type is required.");
    Objects.requireNonNull(channel, "Fulfilment channel is required.");
    if (nameZh.isBlank() || nameZh.length() > Product.NAME_MAX) {
      throw new IllegalArgumentException("Chinese name must have 1 to 100 characters.");
    }
    if (nameEn.isBlank() || nameEn.length() > Product.NAME_MAX) {
      throw new IllegalArgumentException("English name must have 1 to 100 characters.");
    }
    faceValue = money(faceValue, "Face value");
    price = money(price, "Price");
    if (type.isForCarrier() != (carrier != null)) {
      throw new IllegalArgumentException("Phone and data top-ups, and only they, name a carrier.");
    }
    servers = servers == null ? List.of() : List.copyOf(servers);
    if (type.hasServers() == servers.isEmpty()) {
      throw new IllegalArgumentException("Game recharges, and only they, list their servers.");
    }
    if (designatedMerchant != null && channel == FulfilmentChannel.SUPPLIER) {
      throw new IllegalArgumentException("A supplier product has no designated merchant.");
    }
    if (minQuantity < 1 || maxQuantity < minQuantity) {
      throw new IllegalArgumentException("Quantities must satisfy 1 <= minimum <= maximum.");
    }
  }

  private static BigDecimal money(BigDecimal amount, String what) {
    Objects.requireNonNull(amount, what + " is required.");
    if (amount.signum() <= 0 || amount.scale() > 2) {
      throw new IllegalArgumentException(what + " must be a positive amount in fen (0.01).");
    }
    return amount.setScale(2);
  }
}
