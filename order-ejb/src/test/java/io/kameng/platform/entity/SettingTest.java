package io.kameng.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingTest {

  @ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DELAY_NOTICE_MINUTES | ' 45 ' | 45",
        "PAYMENT_QUERY_MINUTES | '1, 5,15 ,60' | 1,5,15,60",
        "COMPENSATION_MIN | 1 | 1.00",
        "COMPENSATION_MAX | 19.5 | 19.50",
        "RISK_PRODUCTS | '' | ''",
        "RISK_PRODUCTS | '3, 7' | 3,7",
        "NOTICE_WEBHOOK_URL | ' https://shop.example.com/hooks ' | https://shop.example.com/hooks",
        "RISK_NIGHT_FROM_HOUR | 0 | 0",
      })
  void aValueIsStoredNormalised(Setting setting, String typed, String stored) {
    assertThat(setting.normalise(typed)).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0} = \"{1}\" refused: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DELAY_NOTICE_MINUTES | '' | setting.required",
        "DELAY_NOTICE_MINUTES | 1.5 | setting.notWhole",
        "DELAY_NOTICE_MINUTES | 0 | setting.outOfRange",
        "DELAY_NOTICE_MINUTES | 1441 | setting.outOfRange",
        "PAYMENT_QUERY_MINUTES | '5,1' | setting.ascending",
        "PAYMENT_QUERY_MINUTES | '' | setting.required",
        "COMPENSATION_MIN | 1.005 | setting.notMoney",
        "COMPENSATION_MIN | abc | setting.notMoney",
        "COMPENSATION_MIN | -1 | setting.outOfRange",
        "RISK_NIGHT_TO_HOUR | 24 | setting.outOfRange",
        "NOTICE_WEBHOOK_URL | ftp://x | setting.notUrl",
        "NOTICE_WEBHOOK_URL | 'http://a b' | setting.notUrl",
      })
  void aWrongValueIsRefusedWithItsReason(Setting setting, String typed, String code) {
    assertThatThrownBy(() -> setting.normalise(typed))
        .isInstanceOfSatisfying(
            SettingException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.setting()).isEqualTo(setting);
            });
  }

  @Test
  void everyDefaultIsAValidValue() {
    for (Setting setting : Setting.values()) {
      assertThat(setting.normalise(setting.fallback()))
          .as(setting.key())
          .isEqualTo(setting.fallback());
      assertThat(Setting.byKey(setting.key())).contains(setting);
    }
  }
}
