package io.kameng.reconciliation.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A difference as the rules classify it, before it is stored.
 *
 * @param matchKey what it is about (a reference, a refund request number, an order number): with
 *     the run and the kind, its identity
 * @param amount the money it accounts for: the statement's side minus the platform's
 */
public record Finding(
    DifferenceKind kind,
    String matchKey,
    Long orderId,
    String orderNo,
    String statementLine,
    String platformRecord,
    BigDecimal amount) {

  public Finding {
    Objects.requireNonNull(kind, "A kind is required.");
    Objects.requireNonNull(matchKey, "A match key is required.");
    amount = amount == null ? BigDecimal.ZERO.setScale(2) : amount;
  }
}
