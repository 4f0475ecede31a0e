package io.kameng.payment.entity;

/** Where one payment attempt stands at the gateway. */
public enum PaymentState {
  /** Created at the gateway; the buyer was sent to pay. */
  CREATED,
  /** The gateway confirmed the payment. */
  PAID,
  /** The gateway closed it unpaid. */
  CLOSED
}
