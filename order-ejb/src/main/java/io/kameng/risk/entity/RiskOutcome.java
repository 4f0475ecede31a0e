package io.kameng.risk.entity;

/** What the risk rules decided for a paid order. */
public enum RiskOutcome {
  PASS,
  REVIEW,
  BLOCK
}
