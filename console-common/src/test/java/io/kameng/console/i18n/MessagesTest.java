package io.kameng.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        "io.kameng.console.i18n.messages",
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Test
  void everyEnglishTextHasAChineseTextAndTheOtherWayRound() {
    ResourceBundle english = bundle(Locale.ROOT);
    ResourceBundle chinese = bundle(Locale.SIMPLIFIED_CHINESE);

    assertThat(chinese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
  }

  @Test
  void chineseReadersGetChineseTexts() {
    assertThat(bundle(Locale.SIMPLIFIED_CHINESE).getString("login.error.badCredentials"))
        .isEqualTo("用户名或密码错误，请重试。");
    assertThat(bundle(Locale.ENGLISH).getString("login.error.badCredentials"))
        .isEqualTo("Wrong username or password. Please try again.");
  }
}
