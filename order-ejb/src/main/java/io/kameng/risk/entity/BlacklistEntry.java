package io.kameng.risk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A blacklisted IP, contact, phone number or game account (stored trimmed, lower case). */
@Entity
@Table(name = "risk_blacklist")
public class BlacklistEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private BlacklistKind kind;

  @Column(nullable = false, updatable = false, length = 254)
  private String value;

  @Column(nullable = false, updatable = false, length = 500)
  private String reason;

  @Column(name = "added_by", nullable = false, updatable = false, length = 64)
  private String addedBy;

  @Column(name = "added_at", nullable = false, updatable = false)
  private Instant addedAt;

  protected BlacklistEntry() {}

  public BlacklistEntry(
      BlacklistKind kind, String value, String reason, String addedBy, Instant addedAt) {
    this.kind = kind;
    this.value = normalise(value);
    this.reason = reason;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  /** How values are compared: trimmed, lower case. */
  public static String normalise(String value) {
    return value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
  }

  public Long id() {
    return id;
  }

  public BlacklistKind kind() {
    return kind;
  }

  public String value() {
    return value;
  }

  public String reason() {
    return reason;
  }

  public String addedBy() {
    return addedBy;
  }

  public Instant addedAt() {
    return addedAt;
  }
}
