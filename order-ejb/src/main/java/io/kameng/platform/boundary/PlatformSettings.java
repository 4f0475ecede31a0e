package io.kameng.platform.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import io.kameng.platform.entity.SettingChange;
import io.kameng.platform.entity.SettingException;
import io.kameng.platform.entity.SettingValue;
import io.kameng.platform.entity.SettingsRefusedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings admins change at run time (ladder times, risk thresholds, the compensation rule):
 * checked field by field, stored in the database, effective without a redeploy, every change kept
 * with who made it and when.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class PlatformSettings {

  @PersistenceContext EntityManager em;
  @Inject PlatformClock clock;
  @Resource SessionContext caller;

  /** A setting as an admin sees it. */
  public record Entry(
      Setting setting, String value, String configured, String updatedBy, Instant updatedAt) {

    public String key() {
      return setting.key();
    }

    public boolean changed() {
      return updatedBy != null;
    }
  }

  /** Every setting with the value in effect, its value without a change, and the last change. */
  public List<Entry> all() {
    Map<String, SettingValue> stored = new LinkedHashMap<>();
    for (SettingValue value : storedValues()) {
      stored.put(value.name(), value);
    }
    List<Entry> entries = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      SettingValue value = stored.get(setting.key());
      entries.add(
          new Entry(
              setting,
              value == null ? LiveSettings.configured(setting) : value.value(),
              LiveSettings.configured(setting),
              value == null ? null : value.updatedBy(),
              value == null ? null : value.updatedAt()));
    }
    return entries;
  }

  /**
   * Saves the values by setting key (only those that differ from the value in effect); refused
   * whole, with one problem per field, when any value is wrong or the ladder's times are out of
   * order. Answers the settings that changed.
   */
  public List<Setting> change(Map<String, String> values) {
    Objects.requireNonNull(values, "Values are required.");
    List<SettingException> problems = new ArrayList<>();
    Map<Setting, String> wanted = new EnumMap<>(Setting.class);
    for (Entry entry : all()) {
      wanted.put(entry.setting(), entry.value());
    }
    Map<Setting, String> changed = new EnumMap<>(Setting.class);
    for (Map.Entry<String, String> value : values.entrySet()) {
      Setting setting =
          Setting.byKey(value.getKey())
              .orElseThrow(() -> new IllegalArgumentException("No setting " + value.getKey()));
      try {
        String normalised = setting.normalise(value.getValue());
        if (!normalised.equals(wanted.get(setting))) {
          changed.put(setting, normalised);
          wanted.put(setting, normalised);
        }
      } catch (SettingException e) {
        problems.add(e);
      }
    }
    if (problems.isEmpty()) {
      inOrder(wanted, problems, Setting.DELAY_NOTICE_MINUTES, Setting.EXCEPTION_POOL_MINUTES);
      inOrder(wanted, problems, Setting.EXCEPTION_POOL_MINUTES, Setting.AUTO_REFUND_MINUTES);
      inOrder(wanted, problems, Setting.FIRST_REVIEW_MINUTES, Setting.SECOND_REVIEW_MINUTES);
      if (Setting.minutes(wanted.get(Setting.SECOND_REVIEW_MINUTES))
              .compareTo(Setting.minutes(wanted.get(Setting.AUTO_REFUND_MINUTES)))
          >= 0) {
        problems.add(
            new SettingException(Setting.SECOND_REVIEW_MINUTES, "setting.reviewAfterRefund"));
      }
      if (new java.math.BigDecimal(wanted.get(Setting.COMPENSATION_MIN))
              .compareTo(new java.math.BigDecimal(wanted.get(Setting.COMPENSATION_MAX)))
          > 0) {
        problems.add(new SettingException(Setting.COMPENSATION_MAX, "setting.maxBelowMin"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SettingsRefusedException(problems);
    }
    String by = caller.getCallerPrincipal().getName();
    Instant now = clock.now();
    for (Map.Entry<Setting, String> change : changed.entrySet()) {
      Setting setting = change.getKey();
      SettingValue stored =
          em.find(SettingValue.class, setting.key(), LockModeType.PESSIMISTIC_WRITE);
      String old = stored == null ? LiveSettings.configured(setting) : stored.value();
      if (stored == null) {
        em.persist(new SettingValue(setting, change.getValue(), by, now));
      } else {
        stored.change(change.getValue(), by, now);
      }
      em.persist(new SettingChange(setting, old, change.getValue(), by, now));
    }
    em.flush();
    refresh();
    return List.copyOf(changed.keySet());
  }

  /** The latest changes, the last made first. */
  public List<SettingChange> history(int limit) {
    return em.createQuery("SELECT c FROM SettingChange c ORDER BY c.id DESC", SettingChange.class)
        .setMaxResults(Math.max(1, Math.min(limit, 500)))
        .getResultList();
  }

  /** Loads the stored values into this server's live settings. */
  public void refresh() {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (SettingValue value : storedValues()) {
      Setting.byKey(value.name()).ifPresent(setting -> values.put(setting, value.value()));
    }
    LiveSettings.refresh(values);
  }

  private List<SettingValue> storedValues() {
    return em.createQuery("SELECT v FROM SettingValue v", SettingValue.class).getResultList();
  }

  private static void inOrder(
      Map<Setting, String> wanted,
      List<SettingException> problems,
      Setting earlier,
      Setting later) {
    if (Setting.minutes(wanted.get(earlier)).compareTo(Setting.minutes(wanted.get(later))) >= 0) {
      problems.add(new SettingException(later, "setting.tooEarly"));
    }
  }
}
