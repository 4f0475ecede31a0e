package io.kameng.supply.control;

import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.StuckReason;
import io.kameng.supply.entity.RechargeResult;
import io.kameng.supply.entity.SupplierOrder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies a supplier's verified result (callback or query) once, in the caller's transaction: the
 * supplier order is locked and finished only if it is not finished yet, so repeated and concurrent
 * results change nothing twice. A success completes the order; a failure sends it to the next
 * supplier (or the exception pool); a result whose amount is not what was asked goes to a person.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SupplyOutcomes {

  private static final Logger LOG = Logger.getLogger(SupplyOutcomes.class.getName());

  /** What a result came to. */
  public enum Outcome {
    APPLIED,
    REPEATED,
    UNKNOWN_RECHARGE
  }

  @Inject SupplierBook book;
  @Inject OrderBook orders;
  @Inject SupplyChain chain;

  public Outcome apply(RechargeResult result, Instant now) {
    Optional<SupplierOrder> found = book.lockByRequest(result.requestId());
    if (found.isEmpty()) {
      return Outcome.UNKNOWN_RECHARGE;
    }
    SupplierOrder recharge = found.get();
    boolean amountMatches = recharge.amount().compareTo(result.amount()) == 0;
    boolean succeeded = result.succeeded() && amountMatches;
    String why =
        amountMatches
            ? result.failReason().orElse(null)
            : "AMOUNT_MISMATCH: asked " + recharge.amount() + ", result " + result.amount();
    if (!recharge.finish(succeeded, why, now)) {
      return Outcome.REPEATED;
    }
    Order order = orders.lock(recharge.orderId());
    if (order.state() != OrderState.FULFILLING) {
      LOG.warning(() -> "Result of " + recharge.requestId() + " for an order in " + order.state());
      return Outcome.APPLIED;
    }
    if (succeeded) {
      order.complete(now, OrderEvent.SUPPLIER);
    } else if (!amountMatches) {
      order.handToPlatform(
          now,
          StuckReason.SUPPLIER,
          "the supplier's result does not match the recharge asked",
          now.plus(OrderSettings.EXCEPTION_POOL_TIME));
    } else {
      chain.sendToNext(order, now);
    }
    return Outcome.APPLIED;
  }
}
