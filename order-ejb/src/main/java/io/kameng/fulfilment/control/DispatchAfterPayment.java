package io.kameng.fulfilment.control;

import io.kameng.fulfilment.boundary.PaidOrderDispatch;
import io.kameng.order.entity.OrderCleared;
import io.kameng.order.entity.OrderCorrected;
import io.kameng.order.entity.OrderPaid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Starts delivering a paid order as soon as its payment is committed (in the background), and
 * dispatches again an order whose buyer corrected the input, or that a reviewer or an admin
 * cleared, the same way, instead of at the next dispatch scan; the scan still catches whatever this
 * misses (a crash, a full queue).
 */
@ApplicationScoped
public class DispatchAfterPayment {

  @Inject PaidOrderDispatch dispatch;

  void onPaid(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPaid paid) {
    dispatch.dispatchSoon(paid.orderId());
  }

  void onCorrected(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderCorrected corrected) {
    dispatch.dispatchSoon(corrected.orderId());
  }

  void onCleared(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderCleared cleared) {
    dispatch.dispatchSoon(cleared.orderId());
  }
}
