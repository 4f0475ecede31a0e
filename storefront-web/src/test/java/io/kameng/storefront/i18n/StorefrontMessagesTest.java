package io.kameng.storefront.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class StorefrontMessagesTest {

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BuyerLanguage.BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Test
  void everyBuyerTextExistsInChineseAndEnglish() {
    assertThat(bundle(Locale.SIMPLIFIED_CHINESE).keySet())
        .containsExactlyInAnyOrderElementsOf(bundle(Locale.ROOT).keySet());
  }
}
