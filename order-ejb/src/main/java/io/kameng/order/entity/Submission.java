package io.kameng.order.entity;

import java.util.Optional;

/**
 * The answer to an order request.
 *
 * @param accessToken the guest's token: given when the order is created, and again on a replay of
 *     the same Idempotency-Key; empty for a repeat found without a key (the first answer had it)
 */
public record Submission(Outcome outcome, Order order, Optional<String> accessToken) {

  public enum Outcome {
    /** A new order. */
    CREATED,
    /** The same Idempotency-Key and request again: the order it made. */
    REPLAYED,
    /** The same product, quantity and input again within 60 s, unpaid: the earlier order. */
    REPEATED
  }
}
