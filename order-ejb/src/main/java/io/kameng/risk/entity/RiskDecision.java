package io.kameng.risk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The risk rules' decision on a paid order, with the rules that fired, and what the review decided
 * when there was one. One per order: an order is assessed once (an approved or re-dispatched order
 * is not assessed again).
 */
@Entity
@Table(name = "risk_decision")
public class RiskDecision {

  @Id
  @Column(name = "order_id")
  private Long orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 10)
  private RiskOutcome outcome;

  @Column(nullable = false, updatable = false, length = 500)
  private String rules;

  @Column(name = "decided_at", nullable = false, updatable = false)
  private Instant decidedAt;

  @Column(length = 64)
  private String reviewer;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_outcome", length = 10)
  private RiskOutcome reviewOutcome;

  @Column(name = "review_reason", length = 500)
  private String reviewReason;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected RiskDecision() {}

  public RiskDecision(long orderId, List<RiskRule> fired, Instant now) {
    this.orderId = orderId;
    this.rules = fired.stream().map(Enum::name).collect(Collectors.joining(","));
    this.outcome =
        fired.stream().map(RiskRule::outcome).max(Enum::compareTo).orElse(RiskOutcome.PASS);
    this.decidedAt = now;
  }

  /** A reviewer's decision: PASS (approved) or BLOCK (rejected). */
  public void reviewed(String by, RiskOutcome decision, String reason, Instant now) {
    this.reviewer = by;
    this.reviewOutcome = decision;
    this.reviewReason = reason;
    this.reviewedAt = now;
  }

  public long orderId() {
    return orderId;
  }

  public RiskOutcome outcome() {
    return outcome;
  }

  public List<RiskRule> rules() {
    return rules.isEmpty()
        ? List.of()
        : Arrays.stream(rules.split(",")).map(RiskRule::valueOf).toList();
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public Optional<String> reviewer() {
    return Optional.ofNullable(reviewer);
  }

  public Optional<RiskOutcome> reviewOutcome() {
    return Optional.ofNullable(reviewOutcome);
  }

  public Optional<String> reviewReason() {
    return Optional.ofNullable(reviewReason);
  }

  public Optional<Instant> reviewedAt() {
    return Optional.ofNullable(reviewedAt);
  }
}
