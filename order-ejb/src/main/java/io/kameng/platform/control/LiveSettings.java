package io.kameng.platform.control;

import io.kameng.platform.entity.Setting;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings as this server uses them now: an admin's stored value, else the server's config
 * property, else the built-in default. The stored values are a snapshot that {@link
 * io.kameng.platform.boundary.PlatformSettings} refreshes from the database on every order scan (15
 * s) and right after an admin's change on this server, so a change takes effect without a redeploy
 * (on other servers by their next scan). Reading is lock-free: every decision reads the snapshot.
 */
public final class LiveSettings {

  private static final Logger LOG = Logger.getLogger(LiveSettings.class.getName());

  private static volatile Map<Setting, String> stored = Map.of();

  private LiveSettings() {}

  /** Replaces the stored values (normalised texts by setting). */
  public static void refresh(Map<Setting, String> values) {
    stored = Map.copyOf(values.isEmpty() ? new EnumMap<>(Setting.class) : new EnumMap<>(values));
  }

  /** The value in effect, normalised. */
  public static String text(Setting setting) {
    String value = stored.get(setting);
    return value != null ? value : configured(setting);
  }

  /** The value a server uses without an admin's change: its config property, else the default. */
  public static String configured(Setting setting) {
    for (String property : setting.configProperties()) {
      java.util.Optional<String> value =
          ConfigProvider.getConfig()
              .getOptionalValue(property, String.class)
              .flatMap(raw -> fromConfig(setting, property, raw));
      if (value.isPresent()) {
        return value.get();
      }
    }
    return setting.fallback();
  }

  public static Duration duration(Setting setting) {
    return Setting.minutes(text(setting));
  }

  public static long count(Setting setting) {
    return Long.parseLong(text(setting));
  }

  public static BigDecimal money(Setting setting) {
    return new BigDecimal(text(setting));
  }

  /** A list setting's numbers; empty for none. */
  public static List<Long> numbers(Setting setting) {
    String text = text(setting);
    return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
  }

  /** Config properties of durations are ISO-8601 ({@code PT30M}); others are the stored form. */
  private static java.util.Optional<String> fromConfig(
      Setting setting, String property, String raw) {
    try {
      String value =
          setting.kind() == Setting.Kind.MINUTES && raw.strip().startsWith("P")
              ? Long.toString(Math.max(1, Duration.parse(raw.strip()).toMinutes()))
              : raw;
      return java.util.Optional.of(setting.normalise(value));
    } catch (RuntimeException e) {
      LOG.warning(() -> "Config " + property + "=" + raw + " ignored: " + e.getMessage());
      return java.util.Optional.empty();
    }
  }
}
