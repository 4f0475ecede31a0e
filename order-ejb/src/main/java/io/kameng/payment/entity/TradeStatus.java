package io.kameng.payment.entity;

import java.util.Optional;

/**
 * What the gateway answers when asked about a payment (the active query).
 *
 * @param paid the payment, when the gateway says it is paid
 */
public record TradeStatus(State state, Optional<GatewayNotice> paid) {

  /** The gateway's answer. */
  public enum State {
    /** Paid: as good as a verified notice. */
    PAID,
    /** Created, not paid yet. */
    WAITING,
    /** Closed unpaid by the gateway: the only answer that ends an attempt. */
    CLOSED,
    /** The gateway does not know it (yet): never a reason to close anything. */
    NOT_FOUND
  }

  public static TradeStatus of(State state) {
    return new TradeStatus(state, Optional.empty());
  }

  public static TradeStatus paid(GatewayNotice payment) {
    return new TradeStatus(State.PAID, Optional.of(payment));
  }
}
