package io.kameng.sandbox.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment at the sandbox gateway: created by the merchant (the platform), paid or failed by the
 * buyer on the pay page. {@code out_trade_no} is the merchant's reference, {@code trade_no} the
 * gateway's.
 */
public final class Trade {

  /** The protocol's trade states. */
  public enum Status {
    WAIT_BUYER_PAY,
    TRADE_SUCCESS,
    TRADE_CLOSED
  }

  private final String tradeNo;
  private final String outTradeNo;
  private final BigDecimal amount;
  private final String subject;
  private final String notifyUrl;
  private final String returnUrl;
  private final Instant createdAt;
  private Status status = Status.WAIT_BUYER_PAY;
  private Instant paidAt;
  private boolean forgotten;

  /** Made on the first refund: most trades are never refunded (a bulk load has a million). */
  private java.util.Map<String, RefundLine> refunds;

  /** A refund made: its request number, amount and time. */
  public record RefundLine(String requestNo, BigDecimal amount, Instant at) {}

  /** What a refund request came to. */
  public enum RefundOutcome {
    REFUNDED,
    ALREADY_REFUNDED,
    NOT_PAID,
    AMOUNT_EXCEEDED
  }

  /**
   * Refunds {@code amount} under {@code requestNo}, once: the same number again answers the first
   * refund and moves no money.
   */
  synchronized RefundOutcome refund(String requestNo, BigDecimal amount, Instant at) {
    if (refunds != null && refunds.containsKey(requestNo)) {
      return RefundOutcome.ALREADY_REFUNDED;
    }
    if (status != Status.TRADE_SUCCESS) {
      return RefundOutcome.NOT_PAID;
    }
    if (refunded().add(amount).compareTo(this.amount) > 0) {
      return RefundOutcome.AMOUNT_EXCEEDED;
    }
    if (refunds == null) {
      refunds = new java.util.LinkedHashMap<>();
    }
    refunds.put(requestNo, new RefundLine(requestNo, amount, at));
    return RefundOutcome.REFUNDED;
  }

  /** The money refunded so far. */
  public synchronized BigDecimal refunded() {
    if (refunds == null) {
      return BigDecimal.ZERO;
    }
    return refunds.values().stream()
        .map(RefundLine::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The refunds made, oldest first. */
  public synchronized java.util.List<RefundLine> refundLines() {
    return refunds == null ? java.util.List.of() : java.util.List.copyOf(refunds.values());
  }

  /** How many refunds moved money. */
  public synchronized int refundCount() {
    return refunds == null ? 0 : refunds.size();
  }

  Trade(
      String tradeNo,
      String outTradeNo,
      BigDecimal amount,
      String subject,
      String notifyUrl,
      String returnUrl,
      Instant createdAt) {
    this.tradeNo = tradeNo;
    this.outTradeNo = outTradeNo;
    this.amount = amount;
    this.subject = subject;
    this.notifyUrl = notifyUrl;
    this.returnUrl = returnUrl;
    this.createdAt = createdAt;
  }

  /**
   * A trade paid at {@code paidAt} (also its creation time) without a buyer on the pay page: the
   * bulk trades of a load test. It shares its amount and strings with the others of its batch.
   */
  static Trade paid(String tradeNo, String outTradeNo, BigDecimal amount, Instant paidAt) {
    Trade trade = new Trade(tradeNo, outTradeNo, amount, null, "", "", paidAt);
    trade.status = Status.TRADE_SUCCESS;
    trade.paidAt = paidAt;
    return trade;
  }

  /** The buyer paid; answers false when the trade was not waiting for payment. */
  synchronized boolean pay(Instant now) {
    if (status != Status.WAIT_BUYER_PAY) {
      return false;
    }
    status = Status.TRADE_SUCCESS;
    paidAt = now;
    return true;
  }

  /** The gateway forgets the paid trade (fault FORGET): its query answers it is unknown. */
  synchronized void forget() {
    forgotten = true;
  }

  public synchronized boolean forgotten() {
    return forgotten;
  }

  /** The buyer gave up or the payment failed. */
  synchronized boolean close() {
    if (status != Status.WAIT_BUYER_PAY) {
      return false;
    }
    status = Status.TRADE_CLOSED;
    return true;
  }

  public String tradeNo() {
    return tradeNo;
  }

  public String outTradeNo() {
    return outTradeNo;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String subject() {
    return subject;
  }

  public String notifyUrl() {
    return notifyUrl;
  }

  public String returnUrl() {
    return returnUrl;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public synchronized Status status() {
    return status;
  }

  public synchronized Instant paidAt() {
    return paidAt;
  }
}
