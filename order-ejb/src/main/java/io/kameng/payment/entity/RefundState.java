package io.kameng.payment.entity;

/** Where a refund stands. */
public enum RefundState {
  /** To be asked of the gateway now. */
  REQUESTED,
  /** The gateway did not answer or failed for now; asked again at the next try. */
  RETRYING,
  /** The gateway confirmed it: the money is back with the buyer. */
  SUCCEEDED,
  /** The gateway refused it for good (for example more than was paid): an admin must look. */
  FAILED
}
