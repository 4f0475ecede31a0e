package io.kameng.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a setting by an admin: the audit trail, only ever inserted. */
@Entity
@Table(name = "platform_setting_change")
public class SettingChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String name;

  @Column(name = "old_value", updatable = false, length = 500)
  private String oldValue;

  @Column(name = "new_value", nullable = false, updatable = false, length = 500)
  private String newValue;

  @Column(name = "changed_by", nullable = false, updatable = false, length = 64)
  private String changedBy;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  protected SettingChange() {}

  public SettingChange(
      Setting setting, String oldValue, String newValue, String changedBy, Instant changedAt) {
    this.name = setting.key();
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  public String name() {
    return name;
  }

  public String oldValue() {
    return oldValue;
  }

  public String newValue() {
    return newValue;
  }

  public String changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
