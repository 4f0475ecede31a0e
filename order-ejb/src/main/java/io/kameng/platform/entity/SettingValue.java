package io.kameng.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An admin's value of a {@link Setting}, as stored (normalised). */
@Entity
@Table(name = "platform_setting")
public class SettingValue {

  @Id
  @Column(length = 64)
  private String name;

  @Column(nullable = false, length = 500)
  private String value;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SettingValue() {}

  public SettingValue(Setting setting, String value, String updatedBy, Instant updatedAt) {
    this.name = setting.key();
    this.value = value;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  public void change(String newValue, String by, Instant at) {
    this.value = newValue;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
