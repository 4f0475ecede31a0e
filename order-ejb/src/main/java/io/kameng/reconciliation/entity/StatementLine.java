package io.kameng.reconciliation.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a partner's statement, as read from the file.
 *
 * @param lineNo the line's number in the file (1-based), its key in the run
 * @param reference the platform's number for it: the payment attempt's reference, the recharge's
 *     request id
 * @param partnerNo the partner's own number (trade number, supplier order number)
 * @param refundNo the refund request number of a refund line; null otherwise
 * @param amount the money moved, positive for payments and recharges, negative for refunds
 * @param fee the gateway's fee, positive when charged, negative when given back
 * @param raw the line as it stands in the file
 */
public record StatementLine(
    int lineNo,
    LineType type,
    String reference,
    String partnerNo,
    String refundNo,
    BigDecimal amount,
    BigDecimal fee,
    Instant completedAt,
    String raw) {

  public StatementLine {
    Objects.requireNonNull(type, "A line type is required.");
    Objects.requireNonNull(reference, "A reference is required.");
    Objects.requireNonNull(amount, "An amount is required.");
    Objects.requireNonNull(completedAt, "A completion time is required.");
    fee = fee == null ? BigDecimal.ZERO.setScale(2) : fee;
  }
}
