package io.kameng.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        "io.kameng.console.i18n.messages",
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The keys one file itself holds: a bundle's own key set would include its parent's, so a key
   * missing from the Chinese file would go unnoticed (English shown to Chinese readers).
   */
  static Properties file(String name) throws IOException {
    Properties texts = new Properties();
    try (InputStream in =
        MessagesTest.class.getResourceAsStream("/io/kameng/console/i18n/" + name)) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }

  @Test
  void everyEnglishTextHasAChineseTextAndTheOtherWayRound() throws IOException {
    Properties english = file("messages.properties");
    Properties chinese = file("messages_zh.properties");

    assertThat(chinese.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
  }

  @Test
  void chineseReadersGetChineseTexts() {
    assertThat(bundle(Locale.SIMPLIFIED_CHINESE).getString("login.error.badCredentials"))
        .isEqualTo("用户名或密码错误，请重试。");
    assertThat(bundle(Locale.ENGLISH).getString("login.error.badCredentials"))
        .isEqualTo("Wrong username or password. Please try again.");
  }
}
