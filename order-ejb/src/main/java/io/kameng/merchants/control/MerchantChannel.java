package io.kameng.merchants.control;

import io.kameng.catalogue.entity.Product;
import io.kameng.merchants.entity.Merchant;
import io.kameng.merchants.entity.StrikeKind;
import io.kameng.order.entity.Order;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Hands checked orders to merchants, in the caller's transaction: to the product's designated
 * merchant when it can take one now (online, not suspended, below its limit), else to the grab
 * pool. A designated merchant that is offline when its order comes gets a strike.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MerchantChannel {

  @Inject MerchantRoster roster;
  @Inject MerchantLoad load;

  /** A checked order (verifying) of a merchant product goes to a merchant or to the grab pool. */
  public void dispatch(Order order, Product product, Instant now) {
    Optional<String> designated = product.designatedMerchant();
    if (designated.isEmpty()) {
      offerToPool(order, now, null);
      return;
    }
    String username = designated.get();
    Merchant merchant = roster.lock(username, now);
    if (merchant.isOnline()
        && merchant.standing().mayBeAssigned()
        && load.inHand(username) < merchant.orderLimit()) {
      order.assignToMerchant(now, username, now.plus(MerchantSettings.acceptTime()));
      return;
    }
    if (!merchant.isOnline()) {
      roster.strike(username, order.id(), StrikeKind.OFFLINE_WHEN_ASSIGNED, null, now);
    }
    offerToPool(order, now, "designated merchant cannot take it now");
  }

  /** Into the grab pool until the pool time ends (then the exception pool). */
  public void offerToPool(Order order, Instant now, String why) {
    order.offerToPool(now, why, now.plus(MerchantSettings.poolTime()));
  }
}
