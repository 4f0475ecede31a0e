package io.kameng.stock.boundary;

import io.kameng.order.control.OrderBook;
import io.kameng.stock.control.CardKeyShelf;
import io.kameng.stock.control.CardKeyVaults;
import io.kameng.stock.entity.CardKey;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The card keys of an order, in the clear, for its buyer only: the access token is checked first (a
 * wrong one is the same "not found" as an unknown order).
 */
@Stateless
@PermitAll
public class CardKeyDelivery {

  @Inject OrderBook orders;
  @Inject CardKeyShelf shelf;
  @Inject CardKeyVaults vaults;

  public List<String> keysOf(@NotNull String orderNo, String accessToken) {
    List<CardKey> keys = shelf.ofOrder(orders.owned(orderNo, accessToken).id());
    return keys.isEmpty()
        ? List.of()
        : keys.stream().map(key -> vaults.vault().open(key.codeSealed())).toList();
  }
}
