package io.kameng.merchants.boundary;

import io.kameng.merchants.entity.MerchantDelivery;
import io.kameng.order.control.OrderBook;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * What a merchant delivered for an order, for its buyer only: the access token is checked first (a
 * wrong one is the same "not found" as an unknown order).
 */
@Stateless
@PermitAll
public class MerchantDeliveries {

  @Inject OrderBook orders;
  @PersistenceContext EntityManager em;

  public Optional<String> deliveryOf(@NotNull String orderNo, String accessToken) {
    long id = orders.owned(orderNo, accessToken).id();
    return Optional.ofNullable(em.find(MerchantDelivery.class, id)).map(MerchantDelivery::note);
  }
}
