package io.kameng.fulfilment.boundary;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.Product;
import io.kameng.identity.entity.Role;
import io.kameng.merchants.control.MerchantChannel;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderOwner;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.StuckReason;
import io.kameng.payment.control.RefundRequests;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.risk.control.RiskScreening;
import io.kameng.stock.control.CardKeyShelf;
import io.kameng.supply.control.SupplyChain;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves paid orders on by their product's channel. Supplier orders are checked and sent to the
 * first supplier of the chain (see {@link SupplyChain}). Card-key orders go to their buyers, one
 * batch per transaction: each order is checked, then takes its keys from the stock (all of them, or
 * none and it waits for a restock, owned by the stock with the stuck reason {@code OUT_OF_STOCK}).
 * Orders waiting for a restock go first, in the order they began to wait (their deadline), and a
 * newly paid order queues behind them, so a restock serves the waiting buyers in order. A product
 * that delivers in part gives an order what there is and refunds the rest. A product whose last key
 * is issued goes off sale until keys come in again. Orders and keys are claimed with {@code FOR
 * UPDATE SKIP LOCKED}: any number of scans on any number of servers issue each key once and each
 * order its keys once. Merchant orders go to their designated merchant or the grab pool (see {@link
 * MerchantChannel}); an order whose buyer corrected the input a merchant reported is dispatched
 * again the same way.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class Dispatch {

  public static final int BATCH = 50;

  /** Recharges asked of suppliers per transaction (each a call to a supplier). */
  static final int SUPPLIER_BATCH = 10;

  @Inject OrderBook orders;
  @Inject CardKeyShelf shelf;
  @Inject ProductRegistry products;
  @Inject RefundRequests refunds;
  @Inject SupplyChain chain;
  @Inject MerchantChannel merchants;
  @Inject RiskScreening risk;
  @Inject PlatformClock clock;

  /**
   * Dispatches a batch of card-key orders waiting for a restock, one of paid card-key orders and
   * one of paid supplier orders; answers how many moved on (served, newly waiting, sent to a
   * supplier or to the exception pool), 0 when nothing could.
   */
  public int dispatchDue() {
    Instant now = clock.now();
    List<Long> cardKeyProducts = products.idsOfChannel(FulfilmentChannel.CARD_KEY);
    List<Order> waiting = new ArrayList<>();
    int moved = 0;
    for (long productId : orders.productsWaitingForStock()) {
      if (!cardKeyProducts.contains(productId) || !shelf.hasAvailable(productId)) {
        continue;
      }
      // One dispatcher at a time serves a product's queue, so its buyers are served in order.
      products.lockForDispatch(productId);
      List<Order> queue =
          orders.claimOfProducts(
              OrderState.FULFILLING,
              Optional.of(StuckReason.OUT_OF_STOCK),
              List.of(productId),
              BATCH);
      waiting.addAll(queue);
      for (Order order : queue) {
        if (!issueAll(order, now)) {
          break; // the stock is short again: the rest keep waiting, in order
        }
        moved++;
      }
    }
    List<Order> paid =
        orders.claimOfProducts(OrderState.PAID, Optional.empty(), cardKeyProducts, BATCH);
    for (Order order : paid) {
      servePaid(order, now);
      moved++;
    }
    soldOutWhereEmpty(waiting, paid);
    List<Order> toSupply =
        orders.claimOfProducts(
            OrderState.PAID,
            Optional.empty(),
            products.idsOfChannel(FulfilmentChannel.SUPPLIER),
            SUPPLIER_BATCH);
    for (Order order : toSupply) {
      supply(order, now);
      moved++;
    }
    for (Order order :
        orders.claimOfProducts(
            OrderState.PAID,
            Optional.empty(),
            products.idsOfChannel(FulfilmentChannel.MERCHANT),
            BATCH)) {
      toMerchants(order, now);
      moved++;
    }
    // Verifying past the verification time: a correction whose immediate dispatch was missed.
    for (Order order : orders.claimDueVerifying(now, BATCH)) {
      switch (products.byId(order.productId()).orElseThrow().channel()) {
        case CARD_KEY -> servePaid(order, now);
        case SUPPLIER -> supply(order, now);
        case MERCHANT -> toMerchants(order, now);
      }
      moved++;
    }
    return moved;
  }

  /**
   * A paid (or corrected) order of a merchant product is checked, then handed to its designated
   * merchant or to the grab pool.
   */
  private void toMerchants(Order order, Instant now) {
    if (!verified(order, now)) {
      return;
    }
    merchants.dispatch(order, products.byId(order.productId()).orElseThrow(), now);
  }

  /** A paid order for a supplier's recharge is checked, then sent to the first supplier. */
  private void supply(Order order, Instant now) {
    if (!verified(order, now)) {
      return;
    }
    chain.sendToNext(order, now);
  }

  /**
   * The platform's checks of a paid order (its input was checked at submission): verification
   * starts, then the risk rules, once per order; answers whether it goes on to delivery now (else
   * it went to the review queue, or was blocked and refunded).
   */
  private boolean verified(Order order, Instant now) {
    if (order.state() == OrderState.PAID) {
      order.startVerification(now, now.plus(OrderSettings.VERIFICATION_TIME));
    }
    return risk.screen(order, now);
  }

  /**
   * Dispatches one order right after its payment (or the correction of its input), if it is still
   * paid (or verifying) and nobody else holds it; answers whether it did.
   */
  public boolean dispatchPaid(long orderId) {
    Optional<Order> claimed =
        orders
            .claimOne(orderId, OrderState.PAID)
            .or(() -> orders.claimOne(orderId, OrderState.VERIFYING));
    if (claimed.isEmpty()) {
      return false;
    }
    Order order = claimed.get();
    FulfilmentChannel channel = products.byId(order.productId()).orElseThrow().channel();
    Instant now = clock.now();
    switch (channel) {
      case CARD_KEY -> {
        servePaid(order, now);
        soldOutWhereEmpty(List.of(), List.of(order));
      }
      case SUPPLIER -> supply(order, now);
      case MERCHANT -> toMerchants(order, now);
    }
    return true;
  }

  /** A paid order is checked, then takes its keys or queues behind the orders already waiting. */
  private void servePaid(Order order, Instant now) {
    if (!verified(order, now)) {
      return;
    }
    if (orders.someWaitForStock(order.productId()) || !issueAll(order, now)) {
      order.awaitRestock(now, now.plus(OrderSettings.RESTOCK_WAIT));
    }
  }

  /** Takes the products whose last key went off sale until they are restocked. */
  private void soldOutWhereEmpty(List<Order> waiting, List<Order> paid) {
    java.util.stream.Stream.concat(waiting.stream(), paid.stream())
        .map(Order::productId)
        .distinct()
        .filter(productId -> !shelf.hasAvailable(productId))
        .forEach(productId -> products.markSoldOut(productId, true));
  }

  /**
   * Issues the order's keys and completes it; answers false (nothing issued) when the stock is
   * short, unless the product delivers in part: then the order gets what there is and the rest of
   * its money back.
   */
  private boolean issueAll(Order order, Instant now) {
    int issued = shelf.issue(order.productId(), order.id(), order.quantity(), now);
    boolean inPart =
        issued > 0
            && issued < order.quantity()
            && products.byId(order.productId()).filter(Product::isPartialDelivery).isPresent();
    if (issued < order.quantity() && !inPart) {
      if (issued > 0) {
        shelf.putBack(order.id());
      }
      return false;
    }
    if (order.state() != OrderState.FULFILLING) {
      order.startFulfilment(
          now,
          OrderEvent.SYSTEM,
          OrderOwner.PLATFORM,
          now.plus(OrderSettings.VERIFICATION_TIME),
          now);
    }
    if (inPart) {
      order.deliveredInPart(now, OrderEvent.SYSTEM, issued, order.quantity());
      BigDecimal undelivered =
          order.unitPrice().multiply(BigDecimal.valueOf(order.quantity() - issued));
      Refund refund =
          refunds.request(order, Optional.of(undelivered), RefundReason.UNDELIVERED_PART, now);
      order.partRefundRequested(now, OrderEvent.SYSTEM, refund.amount().toPlainString());
    }
    order.complete(now, OrderEvent.SYSTEM);
    return true;
  }
}
