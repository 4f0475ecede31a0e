package io.kameng.reconciliation.entity;

/** What a statement line records. */
public enum LineType {
  /** A payment the gateway took (业务类型 交易). */
  PAYMENT,
  /** Money the gateway gave back (业务类型 退款), keyed by the refund request number. */
  REFUND,
  /** A recharge the supplier made. */
  RECHARGED,
  /** A recharge the supplier says failed. */
  FAILED
}
