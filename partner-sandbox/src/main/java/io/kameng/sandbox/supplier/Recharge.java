package io.kameng.sandbox.supplier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recharge at the sandbox supplier: asked for by the platform under its request id (asking
 * again with the same id answers this one), processed in the background, then SUCCESS or FAILED.
 */
public final class Recharge {

  /** The protocol's recharge states. */
  public enum Status {
    PROCESSING,
    SUCCESS,
    FAILED
  }

  private final String requestId;
  private final String supplierOrderNo;
  private final String product;
  private final String account;
  private final BigDecimal amount;
  private final String callbackUrl;
  private final Instant createdAt;
  private Status status = Status.PROCESSING;
  private String failReason;
  private Instant finishedAt;

  Recharge(
      String requestId,
      String supplierOrderNo,
      String product,
      String account,
      BigDecimal amount,
      String callbackUrl,
      Instant createdAt) {
    this.requestId = requestId;
    this.supplierOrderNo = supplierOrderNo;
    this.product = product;
    this.account = account;
    this.amount = amount;
    this.callbackUrl = callbackUrl;
    this.createdAt = createdAt;
  }

  /** Finishes the recharge once; answers false when it was finished already. */
  synchronized boolean finish(Status result, String reason, Instant now) {
    if (status != Status.PROCESSING) {
      return false;
    }
    status = result;
    failReason = reason;
    finishedAt = now;
    return true;
  }

  public String requestId() {
    return requestId;
  }

  public String supplierOrderNo() {
    return supplierOrderNo;
  }

  public String product() {
    return product;
  }

  public String account() {
    return account;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String callbackUrl() {
    return callbackUrl;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public synchronized Status status() {
    return status;
  }

  public synchronized String failReason() {
    return failReason;
  }

  public synchronized Instant finishedAt() {
    return finishedAt;
  }
}
