package io.kameng.supply.control;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.Product;
import io.kameng.merchants.control.MerchantChannel;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderEventType;
import io.kameng.order.entity.OrderOwner;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.StuckReason;
import io.kameng.platform.control.ShopUrl;
import io.kameng.supply.entity.RechargeAnswer;
import io.kameng.supply.entity.SupplierOrder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends a verified order to the first supplier of the chain it has not tried yet, in the caller's
 * transaction. A supplier that cannot be asked (down, timing out, circuit open, refusing) is noted
 * and the next is tried (the product's own chain, or the server's); with none left the order goes
 * to the merchants' grab pool when the product allows it, else to the platform's exception pool
 * (owner PLATFORM, stuck reason SUPPLIER): never a stall. A supplier that did not answer in time
 * may still recharge, so then nobody else is asked (two recharges of one account) and a person at
 * the platform looks at it while the supplier's result can still come.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SupplyChain {

  private static final Logger LOG = Logger.getLogger(SupplyChain.class.getName());

  @Inject SupplierBook book;
  @Inject Suppliers suppliers;
  @Inject ProductRegistry products;
  @Inject MerchantChannel merchants;

  public void sendToNext(Order order, Instant now) {
    // A person's re-dispatch starts the chain afresh: suppliers tried before it may be asked again.
    Instant since = order.lastEvent(OrderEventType.REDISPATCHED).orElse(Instant.MIN);
    List<SupplierOrder> tried =
        book.ofOrder(order.id()).stream()
            .filter(recharge -> !recharge.createdAt().isBefore(since))
            .toList();
    Set<String> triedProviders =
        tried.stream().map(SupplierOrder::provider).collect(Collectors.toSet());
    Product product = products.byId(order.productId()).orElseThrow();
    String account = order.buyerInput().get(product.type().fields().get(0).property());
    BigDecimal amount = product.faceValue().multiply(BigDecimal.valueOf(order.quantity()));
    Instant supplyBy = now.plus(OrderSettings.SUPPLIER_TIME);
    int number = book.ofOrder(order.id()).size();
    for (SupplierGateway supplier : suppliers.chainFor(product)) {
      if (triedProviders.contains(supplier.provider())) {
        continue;
      }
      SupplierOrder recharge =
          new SupplierOrder(
              order.id(), order.orderNo(), ++number, supplier.provider(), account, amount, now);
      book.add(recharge);
      RechargeAnswer answer = ask(supplier, recharge, product);
      if (answer.isTaken()) {
        recharge.sent(answer.supplierOrderNo().orElseThrow(), now);
        if (order.state() == OrderState.FULFILLING) {
          order.handToSupplier(now, supplier.provider(), supplyBy);
        } else {
          order.startFulfilment(now, OrderEvent.SYSTEM, OrderOwner.SUPPLIER, supplyBy, supplyBy);
        }
        return;
      }
      LOG.warning(
          () ->
              "Supplier "
                  + supplier.provider()
                  + " did not take "
                  + recharge.requestId()
                  + ": "
                  + answer.failure());
      recharge.unavailable(answer.failure());
      if (answer.mayHaveRecharged()) {
        // No answer in time: the supplier may have recharged (its result may still come), so
        // nobody else is asked to recharge the same account; a person looks at it.
        toPlatform(order, now, "no answer from supplier " + supplier.provider() + " in time");
        return;
      }
    }
    if (product.hasMerchantFallback()) {
      merchants.offerToPool(order, now, "no supplier could take the recharge");
      return;
    }
    toPlatform(order, now, "no supplier could take the recharge");
  }

  private static void toPlatform(Order order, Instant now, String why) {
    if (order.state() != OrderState.FULFILLING) {
      Instant supplyBy = now.plus(OrderSettings.SUPPLIER_TIME);
      order.startFulfilment(now, OrderEvent.SYSTEM, OrderOwner.SUPPLIER, supplyBy, supplyBy);
    }
    order.handToPlatform(
        now, StuckReason.SUPPLIER, why, now.plus(OrderSettings.EXCEPTION_POOL_TIME));
  }

  /**
   * The supplier's answer. Its fault-tolerance fallback turns every failure into an answer; should
   * an exception still come through (fault tolerance not active), it is answered the same way, so
   * an order never stalls on it.
   */
  private static RechargeAnswer ask(
      SupplierGateway supplier, SupplierOrder recharge, Product product) {
    try {
      return supplier.recharge(
          recharge.requestId(),
          recharge.account(),
          recharge.amount(),
          "P" + product.id(),
          ShopUrl.api().resolve("suppliers/notify/" + supplier.provider()));
    } catch (RuntimeException e) {
      return RechargeNotTaken.answerFor(e);
    }
  }
}
