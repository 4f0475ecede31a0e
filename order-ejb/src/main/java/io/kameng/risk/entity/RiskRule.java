package io.kameng.risk.entity;

/** The risk rules; each names the outcome it asks for when it fires. */
public enum RiskRule {
  /** The IP, contact, phone number or game account is blacklisted. */
  BLACKLISTED(RiskOutcome.BLOCK),
  /** More orders from one IP in the window than allowed. */
  IP_VELOCITY(RiskOutcome.REVIEW),
  /** More orders from one buyer in the window than allowed. */
  BUYER_VELOCITY(RiskOutcome.REVIEW),
  /** The amount is over the limit. */
  AMOUNT_LIMIT(RiskOutcome.REVIEW),
  /** A buyer's first order, and a large one. */
  NEW_BUYER_LARGE(RiskOutcome.REVIEW),
  /** A large order paid in the night hours (China time). */
  NIGHT_HOURS(RiskOutcome.REVIEW),
  /** The product is marked high-risk. */
  HIGH_RISK_PRODUCT(RiskOutcome.REVIEW);

  private final RiskOutcome outcome;

  RiskRule(RiskOutcome outcome) {
    this.outcome = outcome;
  }

  public RiskOutcome outcome() {
    return outcome;
  }
}
