package io.kameng.escalation.boundary;

import io.kameng.escalation.control.Compensation;
import io.kameng.escalation.entity.CompensationVoucher;
import io.kameng.order.control.OrderBook;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** The credit voucher a buyer got for a delay, shown with their order (token-checked). */
@Stateless
@PermitAll
public class Vouchers {

  @Inject OrderBook orders;
  @Inject Compensation compensation;

  /** The order's voucher, if it got one; refused like the order itself without its token. */
  public Optional<CompensationVoucher> voucherOf(@NotNull String orderNo, String accessToken) {
    return compensation.of(orders.owned(orderNo, accessToken).id());
  }
}
