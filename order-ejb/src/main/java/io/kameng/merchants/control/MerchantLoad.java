package io.kameng.merchants.control;

import io.kameng.order.control.OrderBook;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * How many orders a merchant holds, counted in a transaction of its own, for a caller whose
 * snapshot may be older than its lock on the merchant's row (the dispatch, which claimed the order
 * first): the new transaction sees every claim and assignment committed before that lock. No role
 * checks (the boundaries do them).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MerchantLoad {

  @Inject OrderBook orders;

  public int inHand(String merchant) {
    return orders.countHeldBy(merchant);
  }
}
