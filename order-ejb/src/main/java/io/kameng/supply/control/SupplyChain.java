package io.kameng.supply.control;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.Product;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderOwner;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.StuckReason;
import io.kameng.platform.control.ShopUrl;
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
 * and the next is tried; with none left the order goes to the platform's exception pool (owner
 * PLATFORM, stuck reason SUPPLIER), never stalls. (The merchant pool comes between the two with the
 * merchant channel.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SupplyChain {

  private static final Logger LOG = Logger.getLogger(SupplyChain.class.getName());

  @Inject SupplierBook book;
  @Inject Suppliers suppliers;
  @Inject ProductRegistry products;

  public void sendToNext(Order order, Instant now) {
    List<SupplierOrder> tried = book.ofOrder(order.id());
    Set<String> triedProviders =
        tried.stream().map(SupplierOrder::provider).collect(Collectors.toSet());
    Product product = products.byId(order.productId()).orElseThrow();
    String account = order.buyerInput().get(product.type().fields().get(0).property());
    BigDecimal amount = product.faceValue().multiply(BigDecimal.valueOf(order.quantity()));
    Instant supplyBy = now.plus(OrderSettings.SUPPLIER_TIME);
    int number = tried.size();
    for (SupplierGateway supplier : suppliers.chain()) {
      if (triedProviders.contains(supplier.provider())) {
        continue;
      }
      SupplierOrder recharge =
          new SupplierOrder(
              order.id(), order.orderNo(), ++number, supplier.provider(), account, amount, now);
      book.add(recharge);
      try {
        String supplierOrderNo =
            supplier.recharge(
                recharge.requestId(),
                account,
                amount,
                "P" + product.id(),
                ShopUrl.api().resolve("suppliers/notify/" + supplier.provider()));
        recharge.sent(supplierOrderNo, now);
        if (order.state() == OrderState.FULFILLING) {
          order.handToSupplier(now, supplier.provider(), supplyBy);
        } else {
          order.startFulfilment(now, OrderEvent.SYSTEM, OrderOwner.SUPPLIER, supplyBy, supplyBy);
        }
        return;
      } catch (Exception e) {
        // Also what fault tolerance throws when it gave up (its timeout interrupts the call).
        Thread.interrupted();
        LOG.warning(
            () ->
                "Supplier "
                    + supplier.provider()
                    + " did not take "
                    + recharge.requestId()
                    + ": "
                    + e);
        recharge.unavailable(String.valueOf(e));
      }
    }
    if (order.state() != OrderState.FULFILLING) {
      order.startFulfilment(now, OrderEvent.SYSTEM, OrderOwner.SUPPLIER, supplyBy, supplyBy);
    }
    order.handToPlatform(
        now,
        StuckReason.SUPPLIER,
        "no supplier could take the recharge",
        now.plus(OrderSettings.EXCEPTION_POOL_TIME));
  }
}
