package io.kameng.notices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One try to deliver a notice to the storefront's webhook endpoint; only ever inserted. */
@Entity
@Table(name = "notice_attempt")
public class NoticeAttempt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "notice_id", nullable = false, updatable = false)
  private Long noticeId;

  @Column(name = "attempted_at", nullable = false, updatable = false)
  private Instant attemptedAt;

  @Column(nullable = false, updatable = false, length = 500)
  private String target;

  @Column(name = "http_status", updatable = false)
  private Integer httpStatus;

  @Column(nullable = false, updatable = false, length = 500)
  private String outcome;

  protected NoticeAttempt() {}

  public NoticeAttempt(
      long noticeId, Instant attemptedAt, String target, Integer httpStatus, String outcome) {
    this.noticeId = noticeId;
    this.attemptedAt = attemptedAt;
    this.target = target;
    this.httpStatus = httpStatus;
    this.outcome = outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
  }

  public long noticeId() {
    return noticeId;
  }

  public Instant attemptedAt() {
    return attemptedAt;
  }

  public String target() {
    return target;
  }

  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  public String outcome() {
    return outcome;
  }
}
