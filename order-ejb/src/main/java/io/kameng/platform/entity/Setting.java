package io.kameng.platform.entity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings admins change while Kameng runs: the escalation ladder's times, the risk rules'
 * thresholds, the compensation rule. Each has a kind that says how its text is read and checked,
 * bounds, a default, and MicroProfile Config properties that replace the default on a server (an
 * admin's change, stored in the database, overrides both).
 */
public enum Setting {
  UNPAID_EXPIRY_MINUTES(Kind.MINUTES, "15", 1, 24 * 60, "kameng.order.unpaid-expiry"),
  PAYMENT_QUERY_MINUTES(Kind.MINUTE_LIST, "1,5,15,60", 1, 12 * 60, null),
  MERCHANT_ACCEPT_MINUTES(Kind.MINUTES, "30", 1, 24 * 60, "kameng.merchant.accept-time"),
  MERCHANT_FULFIL_MINUTES(Kind.MINUTES, "60", 1, 24 * 60, "kameng.merchant.fulfil-time"),
  MERCHANT_POOL_MINUTES(Kind.MINUTES, "30", 1, 24 * 60, "kameng.merchant.pool-time"),
  FIRST_REVIEW_MINUTES(Kind.MINUTES, "30", 1, 24 * 60, null),
  SECOND_REVIEW_MINUTES(Kind.MINUTES, "120", 2, 48 * 60, null),
  BUYER_INPUT_MINUTES(Kind.MINUTES, "1440", 10, 7 * 24 * 60, "kameng.order.buyer-input-time"),
  DELAY_NOTICE_MINUTES(Kind.MINUTES, "60", 1, 24 * 60, null),
  EXCEPTION_POOL_MINUTES(Kind.MINUTES, "120", 2, 48 * 60, null),
  AUTO_REFUND_MINUTES(Kind.MINUTES, "240", 3, 7 * 24 * 60, null),
  HOLD_MAX_HOURS(Kind.COUNT, "72", 1, 30 * 24, null),
  COMPENSATION_PERCENT(Kind.PERCENT, "5", 0, 100, null),
  COMPENSATION_MIN(Kind.MONEY, "1.00", 0, 1_000, null),
  COMPENSATION_MAX(Kind.MONEY, "20.00", 0, 10_000, null),
  RISK_WINDOW_MINUTES(Kind.MINUTES, "10", 1, 24 * 60, null),
  RISK_IP_ORDERS(Kind.COUNT, "10", 0, 100_000, null),
  RISK_BUYER_ORDERS(Kind.COUNT, "5", 0, 100_000, null),
  RISK_AMOUNT_LIMIT(Kind.MONEY, "2000.00", 0, 1_000_000, null),
  RISK_NEW_BUYER_AMOUNT(Kind.MONEY, "500.00", 0, 1_000_000, null),
  RISK_NIGHT_FROM_HOUR(Kind.HOUR, "1", 0, 23, null),
  RISK_NIGHT_TO_HOUR(Kind.HOUR, "6", 0, 23, null),
  RISK_NIGHT_AMOUNT(Kind.MONEY, "300.00", 0, 1_000_000, null),
  RISK_PRODUCTS(Kind.ID_LIST, "", 0, Long.MAX_VALUE, null),
  NOTICE_WEBHOOK_URL(Kind.URL, "", 0, 500, "kameng.notices.webhook-url"),
  RECONCILIATION_HOUR(Kind.HOUR, "3", 0, 23, "kameng.reconciliation.hour"),
  RECONCILIATION_DEADLINE_HOUR(Kind.HOUR, "12", 0, 23, "kameng.reconciliation.deadline-hour"),
  RECONCILIATION_POOL_DAYS(Kind.COUNT, "3", 1, 30, "kameng.reconciliation.pool-days");

  /** How a setting's text is read. */
  public enum Kind {
    /** Whole minutes. */
    MINUTES,
    /** Whole minutes, comma separated, ascending. */
    MINUTE_LIST,
    /** A whole number (0 switches a count rule off). */
    COUNT,
    /** A whole percentage. */
    PERCENT,
    /** Yuan with at most two decimals (0 switches an amount rule off). */
    MONEY,
    /** An hour of the day in China time, 0-23. */
    HOUR,
    /** Product ids, comma separated; empty for none. */
    ID_LIST,
    /** An http(s) address; empty for none. */
    URL
  }

  private final Kind kind;
  private final String fallback;
  private final long min;
  private final long max;
  private final String configProperty;

  Setting(Kind kind, String fallback, long min, long max, String configProperty) {
    this.kind = kind;
    this.fallback = fallback;
    this.min = min;
    this.max = max;
    this.configProperty = configProperty;
  }

  /**
   * The setting's name as stored and shown: {@code DELAY_NOTICE_MINUTES} → delay-notice-minutes.
   */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
  }

  public Kind kind() {
    return kind;
  }

  /** The built-in default (before a config property or an admin's change). */
  public String fallback() {
    return fallback;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  /**
   * The MicroProfile Config properties that replace the built-in default on a server, first found
   * wins: {@code kameng.setting.<key>} (for every setting), then an older named property.
   */
  public List<String> configProperties() {
    return configProperty == null
        ? List.of("kameng.setting." + key())
        : List.of("kameng.setting." + key(), configProperty);
  }

  /**
   * Checks and normalises a value typed by an admin; answers it as stored, or throws {@link
   * SettingException} with the reason as a message key ({@code setting.*}).
   */
  public String normalise(String raw) {
    String text = raw == null ? "" : raw.strip();
    switch (kind) {
      case MINUTES, COUNT, PERCENT, HOUR -> {
        return Long.toString(bounded(whole(text)));
      }
      case MINUTE_LIST -> {
        List<Long> minutes = list(text);
        if (minutes.isEmpty()) {
          throw new SettingException(this, "setting.required");
        }
        for (int i = 1; i < minutes.size(); i++) {
          if (minutes.get(i) <= minutes.get(i - 1)) {
            throw new SettingException(this, "setting.ascending");
          }
        }
        minutes.forEach(this::bounded);
        return String.join(",", minutes.stream().map(String::valueOf).toList());
      }
      case ID_LIST -> {
        return String.join(",", list(text).stream().map(String::valueOf).toList());
      }
      case MONEY -> {
        BigDecimal amount;
        try {
          amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
          throw new SettingException(this, "setting.notMoney");
        }
        if (amount.scale() > 2) {
          throw new SettingException(this, "setting.notMoney");
        }
        if (amount.compareTo(BigDecimal.valueOf(min)) < 0
            || amount.compareTo(BigDecimal.valueOf(max)) > 0) {
          throw new SettingException(this, "setting.outOfRange");
        }
        return amount.setScale(2).toPlainString();
      }
      case URL -> {
        if (text.isEmpty()) {
          return "";
        }
        if (text.length() > max
            || !(text.startsWith("http://") || text.startsWith("https://"))
            || text.contains(" ")) {
          throw new SettingException(this, "setting.notUrl");
        }
        try {
          java.net.URI.create(text).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
          throw new SettingException(this, "setting.notUrl");
        }
        return text;
      }
      default -> throw new IllegalStateException("Unknown kind " + kind);
    }
  }

  /** A stored (normalised) value as minutes. */
  public static Duration minutes(String stored) {
    return Duration.ofMinutes(Long.parseLong(stored));
  }

  private long whole(String text) {
    if (text.isEmpty()) {
      throw new SettingException(this, "setting.required");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new SettingException(this, "setting.notWhole");
    }
  }

  private long bounded(long value) {
    if (value < min || value > max) {
      throw new SettingException(this, "setting.outOfRange");
    }
    return value;
  }

  private List<Long> list(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).map(this::whole).toList();
  }
}
