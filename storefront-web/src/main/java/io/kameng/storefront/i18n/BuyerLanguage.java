package io.kameng.storefront.i18n;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The buyer's language: English when the request prefers it, Chinese otherwise (the default), and
 * the storefront's texts in that language.
 */
public final class BuyerLanguage {

  public static final String BUNDLE = "io.kameng.storefront.i18n.messages";

  private final Locale locale;

  private BuyerLanguage(Locale locale) {
    this.locale = locale;
  }

  public static BuyerLanguage of(HttpHeaders headers) {
    for (Locale wanted : headers.getAcceptableLanguages()) {
      if (wanted.getLanguage().equals("en")) {
        return new BuyerLanguage(Locale.ENGLISH);
      }
      if (wanted.getLanguage().equals("zh")) {
        return new BuyerLanguage(Locale.SIMPLIFIED_CHINESE);
      }
    }
    return new BuyerLanguage(Locale.SIMPLIFIED_CHINESE);
  }

  /** English for an English locale, Chinese for anything else. */
  public static BuyerLanguage of(Locale locale) {
    return new BuyerLanguage(
        locale != null && locale.getLanguage().equals("en")
            ? Locale.ENGLISH
            : Locale.SIMPLIFIED_CHINESE);
  }

  public boolean isChinese() {
    return locale.getLanguage().equals("zh");
  }

  public Locale locale() {
    return locale;
  }

  /** The text for {@code key}, or {@code fallback} when the bundles have none. */
  public String textOr(String key, String fallback) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    return bundle.containsKey(key) ? bundle.getString(key) : fallback;
  }

  public String text(String key, Object... arguments) {
    String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}
