package io.kameng.supply.entity;

/** Where a recharge asked of a supplier stands. */
public enum SupplierOrderState {
  /** Taken by the supplier; its result is awaited (callback, or the query). */
  SENT,
  /** The supplier could not be asked (down, timing out, circuit open): the order moved on. */
  UNAVAILABLE,
  /** Recharged. */
  SUCCEEDED,
  /** The supplier says it failed, or its result does not match what was asked. */
  FAILED
}
