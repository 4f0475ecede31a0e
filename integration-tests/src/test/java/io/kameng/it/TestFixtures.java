package io.kameng.it;

import io.kameng.catalogue.boundary.Catalogue;
import io.kameng.catalogue.entity.Product;
import io.kameng.catalogue.entity.ProductSpec;
import io.kameng.fulfilment.boundary.Dispatch;
import io.kameng.identity.boundary.UserAccounts;
import io.kameng.identity.entity.Account;
import io.kameng.identity.entity.Role;
import io.kameng.merchants.boundary.MerchantAdmin;
import io.kameng.merchants.boundary.MerchantDeadlines;
import io.kameng.merchants.entity.MerchantStanding;
import io.kameng.order.boundary.UnpaidOrderExpiry;
import io.kameng.order.control.OrderBook;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderOwner;
import io.kameng.payment.boundary.PaymentQueries;
import io.kameng.payment.boundary.Refunds;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundReason;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.entity.BusinessException;
import io.kameng.stock.boundary.CardKeyStock;
import io.kameng.stock.entity.ImportReport;
import io.kameng.supply.boundary.SupplierQueries;
import io.kameng.supply.boundary.SupplyRouting;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test-only EJB in the test WAR: sets up data through Kameng's own boundaries, acting as an admin
 * (the EAR maps the run-as role ADMIN to its system principal), one container transaction a call.
 */
@Stateless
@PermitAll
@RunAs(Role.Names.ADMIN)
public class TestFixtures {

  @Inject UserAccounts accounts;

  @Resource TimerService timers;

  @Inject Catalogue catalogue;

  @Inject PlatformClock clock;

  @Inject UnpaidOrderExpiry expiry;

  @Inject OrderBook orders;

  @Inject PaymentQueries paymentQueries;

  @Inject Refunds refunds;

  @Inject CardKeyStock stock;

  @Inject Dispatch dispatch;

  @Inject SupplierQueries supplierQueries;

  @Inject MerchantDeadlines merchantDeadlines;

  @Inject MerchantAdmin merchantAdmin;

  @Inject SupplyRouting supplyRouting;

  @Inject io.kameng.escalation.boundary.EscalationLadder ladder;

  @Inject io.kameng.notices.boundary.NoticeDelivery notices;

  @Inject io.kameng.platform.boundary.PlatformSettings settings;

  /**
   * One run of the ladder's scans as the order scan does them (overdue reviews, uncorrected input,
   * the ladder's steps), every due batch; answers how many orders were due.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  public int climbLadder() {
    int due = 0;
    int batch;
    do {
      batch = ladder.escalateReviews() + ladder.refundUncorrected() + ladder.climbDue();
      due += batch;
    } while (batch > 0);
    return due;
  }

  /** Sends the due notices, every batch; answers how many were due. */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  public int deliverNotices() {
    int due = 0;
    int batch;
    do {
      batch = notices.deliverDue();
      due += batch;
    } while (batch == io.kameng.notices.boundary.NoticeDelivery.BATCH);
    return due;
  }

  /** Reloads the settings (after a test removed its changes from the table). */
  public void refreshSettings() {
    settings.refresh();
  }

  /** Applies one batch of due merchant-channel deadlines now; answers how many were due. */
  public int releaseDueMerchantOrders() {
    return merchantDeadlines.releaseDue();
  }

  /** An admin's decision on a merchant; answers {@code ok} or {@code refused:<code>}. */
  public String changeStanding(String merchant, MerchantStanding standing, int limit) {
    try {
      merchantAdmin.changeStanding(merchant, standing, limit);
      return "ok";
    } catch (BusinessException refused) {
      return "refused:" + refused.code();
    }
  }

  /** Dispatches one paid order now, as right after its payment; answers whether it was. */
  public boolean dispatchOne(String orderNo) {
    return dispatch.dispatchPaid(orders.byNumber(orderNo).orElseThrow().id());
  }

  /** Tries one batch of due refunds now; answers how many were due. */
  public int processDueRefunds() {
    return refunds.processDue();
  }

  /**
   * Asks for a refund of part of an order ({@code amount}) or, when {@code amount} is null, of the
   * whole order; answers the refund's request number, {@code none} when nothing was left to refund,
   * or {@code refused:<code>} when a rule said no (and nothing was written).
   */
  public String requestRefund(String orderNo, BigDecimal amount, RefundReason reason) {
    try {
      if (amount == null) {
        return refunds
            .refundOrder(orderNo, "cannot be fulfilled")
            .map(Refund::requestNo)
            .orElse("none");
      }
      return refunds.refundPart(orderNo, amount, reason).requestNo();
    } catch (BusinessException refused) {
      return "refused:" + refused.code();
    }
  }

  /**
   * Imports card keys for a product (see {@link CardKeyStock#importKeys}); answers the report in
   * one line, or {@code refused:<code>}.
   */
  public String importKeys(long productId, String csv, boolean acceptValidRows) {
    try {
      ImportReport report = stock.importKeys(productId, csv, acceptValidRows);
      return "stored="
          + report.stored()
          + " rows="
          + report.rows()
          + " accepted="
          + report.accepted()
          + " rejected="
          + report.rejected().stream()
              .map(r -> r.line() + ":" + r.maskedKey() + ":" + r.problem())
              .collect(Collectors.joining(","));
    } catch (BusinessException refused) {
      return "refused:" + refused.code();
    }
  }

  /**
   * A supplier product's chain (comma-separated) and whether the merchant pool comes next; answers
   * {@code ok} or {@code refused:<code>}.
   */
  public String routeSupplyFailures(long productId, String chain, boolean merchantFallback) {
    try {
      supplyRouting.route(productId, java.util.List.of(chain.split(",")), merchantFallback);
      return "ok";
    } catch (BusinessException refused) {
      return "refused:" + refused.code();
    }
  }

  public void allowPartialDelivery(long productId) {
    catalogue.allowPartialDelivery(productId, true);
  }

  /** Runs one batch of the supplier queries now; answers how many recharges were due. */
  public int querySuppliers() {
    return supplierQueries.queryDue();
  }

  /** Dispatches one batch of paid card-key orders now; answers how many were claimed. */
  public int dispatchPaidOrders() {
    return dispatch.dispatchDue();
  }

  /** Runs one batch of the active payment queries now; answers how many attempts were due. */
  public int queryDuePayments() {
    return paymentQueries.queryDue();
  }

  /** Moves the platform's clock forward; answers the new platform time. */
  public Instant advanceClock(Duration step) {
    return clock.advance(step);
  }

  /** Runs one batch of the unpaid expiry scan now; answers how many orders it expired. */
  public int expireDueOrders() {
    return expiry.expireDue();
  }

  /**
   * Moves an order along the way payments and fulfilment will (they come with later parts of
   * Kameng), through the aggregate's own methods, one step per call.
   */
  public void driveOrder(String orderNo, String steps) {
    Order order = orders.byNumber(orderNo).orElseThrow();
    Instant now = clock.now();
    Instant due = now.plus(Duration.ofMinutes(30));
    // All steps in one transaction: no scan moves the order on between two of them.
    for (String step : steps.split(",")) {
      drive(order, step, now, due);
    }
  }

  private static void drive(Order order, String step, Instant now, Instant due) {
    switch (step) {
      case "pay" ->
          order.recordPayment(
              now, OrderEvent.PAYMENT_GATEWAY, due, io.kameng.order.control.OrderSettings.ladder());
      case "verify" -> order.startVerification(now, due);
      case "review" -> order.sendToReview(now, "amount over limit", due);
      case "askBuyer" -> order.askBuyerToCorrect(now, OrderEvent.SYSTEM, "no such role", due);
      case "fulfil" -> order.startFulfilment(now, "merchant1", OrderOwner.MERCHANT, due, due);
      case "complete" -> order.complete(now, "merchant1");
      default -> throw new IllegalArgumentException(step);
    }
  }

  /** Puts a product on sale; delisted at once when {@code listed} is false. Returns its id. */
  public long addProduct(ProductSpec spec, boolean listed) {
    Product product = catalogue.add(spec);
    if (!listed) {
      catalogue.delist(product.id());
    }
    return product.id();
  }

  public Account register(String username, String displayName, String password, Role role) {
    return accounts.register(username, displayName, password, Set.of(role));
  }

  public Optional<Account> find(String username) {
    return accounts.find(username);
  }

  public void registerBoth(String first, String second, String password) {
    register(first, "first " + first, password, Role.MERCHANT);
    register(second, "second " + second, password, Role.MERCHANT);
  }

  /** Writes two accounts, then a rule says no: the transaction must keep neither. */
  public void registerBothThenFail(String first, String second, String password) {
    registerBoth(first, second, password);
    throw new BusinessException("test.refused", "refused after writing");
  }

  /** Creates a persistent timer an hour from now. */
  public void scheduleInAnHour(String info) {
    timers.createSingleActionTimer(3_600_000, new TimerConfig(info, true));
  }

  public int cancelAllTimers() {
    int cancelled = 0;
    for (Timer timer : timers.getTimers()) {
      timer.cancel();
      cancelled++;
    }
    return cancelled;
  }

  @Timeout
  void remind(Timer timer) {
    // never reached in the tests: the timer is an hour away and cancelled
  }
}
