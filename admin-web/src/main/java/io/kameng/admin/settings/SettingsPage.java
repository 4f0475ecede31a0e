package io.kameng.admin.settings;

import io.kameng.admin.AdminOnly;
import io.kameng.admin.PageMessages;
import io.kameng.platform.boundary.PlatformSettings;
import io.kameng.platform.boundary.PlatformSettings.Entry;
import io.kameng.platform.entity.BusinessException;
import io.kameng.platform.entity.Setting;
import io.kameng.platform.entity.SettingChange;
import io.kameng.platform.entity.SettingException;
import io.kameng.platform.entity.SettingsRefusedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Backs {@code settings/ladder.xhtml}: every platform setting grouped by what it governs (the
 * escalation ladder, merchants, risk review, buyer and payment, compensation, risk rules, notices),
 * each with its unit and meaning, the value in effect, the value without a change and who changed
 * it last; saving them all at once through {@link PlatformSettings} (refused whole, with a message
 * next to each wrong field); and the latest changes.
 *
 * <p>The form's inputs post to a map keyed by the setting's key (text), and each input's id is that
 * key, so a refusal finds its field as {@code settings:<key>}.
 */
@Named("ladderSettings")
@RequestScoped
public class SettingsPage {

  /** How many changes the history shows. */
  static final int HISTORY = 50;

  /** The form's id: the prefix of every input's client id. */
  static final String FORM = "settings";

  /** A group of settings on the page: its message key suffix and its settings in order. */
  public record Group(String name, List<Setting> settings) {}

  /** The groups in page order; a setting no group names lands in the last one ("other"). */
  static final List<Group> GROUPS = groups();

  @Inject PlatformSettings settings;

  private Map<String, Entry> entries;
  private List<SettingChange> history;

  /** Per setting key, the value as in the form (text: what the browser sent). */
  private final Map<String, String> values = new HashMap<>();

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  public List<Group> getGroups() {
    return GROUPS;
  }

  /** The setting as stored: value in effect, value without a change, last change. */
  public Entry entry(Setting setting) {
    return entries().get(setting.key());
  }

  public Map<String, String> getValues() {
    entries();
    return values;
  }

  public List<SettingChange> getHistory() {
    if (history == null) {
      history = settings.history(HISTORY);
    }
    return history;
  }

  /** A setting's label by its key (as the history names it), or the key when unknown. */
  public String label(String key) {
    return Setting.byKey(key)
        .map(setting -> PageMessages.text("Setting." + setting.name()))
        .orElse(key);
  }

  public String time(Instant at) {
    return PageMessages.time(at);
  }

  /** Saves every value in the form at once; a refusal marks each wrong field, nothing is saved. */
  public void save() {
    Map<String, String> typed = new LinkedHashMap<>();
    for (Setting setting : Setting.values()) {
      if (values.containsKey(setting.key())) {
        typed.put(setting.key(), values.get(setting.key()));
      }
    }
    try {
      List<Setting> changed = settings.change(typed);
      if (changed.isEmpty()) {
        PageMessages.info(PageMessages.text("settings.unchanged"));
      } else {
        PageMessages.info(
            PageMessages.text(
                "settings.saved",
                changed.stream()
                    .map(setting -> PageMessages.text("Setting." + setting.name()))
                    .collect(Collectors.joining(", "))));
      }
      // Shown again as stored (normalised), not as typed.
      values.clear();
      entries = null;
      history = null;
    } catch (SettingsRefusedException refused) {
      for (SettingException problem : refused.problems()) {
        PageMessages.errorFor(FORM + ":" + problem.setting().key(), problemText(problem));
      }
      PageMessages.error(PageMessages.refusal(refused));
    } catch (BusinessException refused) {
      PageMessages.error(PageMessages.refusal(refused));
    }
  }

  /** A field's refusal; out of range names the setting's bounds. */
  private static String problemText(SettingException problem) {
    Setting setting = problem.setting();
    if ("setting.outOfRange".equals(problem.code())) {
      return PageMessages.text(
          "error.setting.outOfRange", Long.toString(setting.min()), Long.toString(setting.max()));
    }
    return PageMessages.refusal(problem);
  }

  private Map<String, Entry> entries() {
    if (entries == null) {
      entries = new LinkedHashMap<>();
      for (Entry entry : settings.all()) {
        entries.put(entry.key(), entry);
        values.putIfAbsent(entry.key(), entry.value());
      }
    }
    return entries;
  }

  private static List<Group> groups() {
    List<Group> groups = new ArrayList<>();
    groups.add(
        new Group(
            "ladder",
            List.of(
                Setting.DELAY_NOTICE_MINUTES,
                Setting.EXCEPTION_POOL_MINUTES,
                Setting.AUTO_REFUND_MINUTES,
                Setting.HOLD_MAX_HOURS)));
    groups.add(
        new Group(
            "merchant",
            List.of(
                Setting.MERCHANT_ACCEPT_MINUTES,
                Setting.MERCHANT_FULFIL_MINUTES,
                Setting.MERCHANT_POOL_MINUTES)));
    groups.add(
        new Group("review", List.of(Setting.FIRST_REVIEW_MINUTES, Setting.SECOND_REVIEW_MINUTES)));
    groups.add(
        new Group(
            "buyer",
            List.of(
                Setting.UNPAID_EXPIRY_MINUTES,
                Setting.PAYMENT_QUERY_MINUTES,
                Setting.BUYER_INPUT_MINUTES)));
    groups.add(
        new Group(
            "compensation",
            List.of(
                Setting.COMPENSATION_PERCENT, Setting.COMPENSATION_MIN, Setting.COMPENSATION_MAX)));
    groups.add(
        new Group(
            "risk",
            List.of(
                Setting.RISK_WINDOW_MINUTES,
                Setting.RISK_IP_ORDERS,
                Setting.RISK_BUYER_ORDERS,
                Setting.RISK_AMOUNT_LIMIT,
                Setting.RISK_NEW_BUYER_AMOUNT,
                Setting.RISK_NIGHT_FROM_HOUR,
                Setting.RISK_NIGHT_TO_HOUR,
                Setting.RISK_NIGHT_AMOUNT,
                Setting.RISK_PRODUCTS)));
    groups.add(new Group("notices", List.of(Setting.NOTICE_WEBHOOK_URL)));
    groups.add(
        new Group(
            "reconciliation",
            List.of(
                Setting.RECONCILIATION_HOUR,
                Setting.RECONCILIATION_DEADLINE_HOUR,
                Setting.RECONCILIATION_POOL_DAYS)));
    Set<Setting> placed = EnumSet.noneOf(Setting.class);
    groups.forEach(group -> placed.addAll(group.settings()));
    List<Setting> other =
        Arrays.stream(Setting.values()).filter(setting -> !placed.contains(setting)).toList();
    if (!other.isEmpty()) {
      groups.add(new Group("other", other));
    }
    return List.copyOf(groups);
  }
}
