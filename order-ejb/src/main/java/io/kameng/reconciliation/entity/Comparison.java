package io.kameng.reconciliation.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One item the match step could not call equal: a statement line with the platform's record it
 * names (if any), or a platform record of the day that no statement has.
 *
 * @param lineNo the line's number in the statement; 0 for a record without a line
 * @param type what the line (or the record) is
 * @param line the statement's line as text; null for a platform record no statement has
 * @param amount the statement's amount (signed as in the file), or the platform record's for a
 *     record without a line
 * @param fee the statement's fee (positive charged, negative given back); zero without a line
 * @param recordId the platform's record: payment attempt, refund or supplier order; null when none
 * @param recordState its state's name
 * @param recordAmount its amount (always positive)
 * @param orderState the order's state's name, when there is an order
 * @param otherPaid whether the order is paid through another payment attempt
 * @param nearCutOff whether a record without a line completed so close to the day's end that the
 *     next statement may have it
 * @param feeRate the gateway's fee rate (0.006 for 0.6 %)
 */
public record Comparison(
    long lineNo,
    StatementKind statement,
    LineType type,
    String reference,
    String refundNo,
    String line,
    BigDecimal amount,
    BigDecimal fee,
    Instant completedAt,
    Long recordId,
    String recordState,
    BigDecimal recordAmount,
    Long orderId,
    String orderNo,
    String orderState,
    boolean otherPaid,
    boolean nearCutOff,
    BigDecimal feeRate) {

  public boolean hasLine() {
    return line != null;
  }

  public boolean hasRecord() {
    return recordId != null;
  }

  /** The fee the gateway's rate gives for {@code money}, half-up to the fen. */
  public BigDecimal expectedFee(BigDecimal money) {
    return money.abs().multiply(feeRate).setScale(2, RoundingMode.HALF_UP);
  }
}
