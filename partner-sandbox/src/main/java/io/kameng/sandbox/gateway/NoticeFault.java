package io.kameng.sandbox.gateway;

/** What can go wrong with a payment notice, on demand (see {@link Faults}). */
public enum NoticeFault {
  /** The notice is never sent: the platform must find the payment by asking. */
  DROP,
  /** The notice is sent many times at once. */
  DUPLICATE,
  /** The notice says another amount than was paid (signed, so it verifies). */
  WRONG_AMOUNT,
  /** The notice's signature does not verify. */
  BAD_SIGNATURE,
  /**
   * The notice is sent only after a delay (the fault's {@code seconds}, real time): for example
   * after the order has expired unpaid at the merchant.
   */
  DELAY,
  /**
   * The money is taken (the trade is paid and in the bill) but the gateway forgets the payment: no
   * notice is ever sent, and the trade query answers as for a trade it does not know.
   */
  FORGET
}
