package io.kameng.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.order.entity.OrderEventType;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.StuckReason;
import io.kameng.platform.entity.Setting;
import io.kameng.risk.entity.BlacklistKind;
import io.kameng.risk.entity.RiskRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The staff pages show enums and refusals in words: every value and every refusal code they can
 * meet has a text in both languages of the console bundle.
 */
class StaffTextsTest {

  /** The codes the exception pool, review, blacklist and settings boundaries refuse with. */
  static final List<String> CODES =
      List.of(
          "pool.notInPool",
          "pool.claimedByOther",
          "pool.notYours",
          "pool.reasonRequired",
          "pool.reasonTooLong",
          "pool.holdNotFuture",
          "pool.holdTooLong",
          "order.cannotMove",
          "order.notFound",
          "refund.nothingPaid",
          "review.notInQueue",
          "review.claimedByOther",
          "review.notYours",
          "review.seniorOnly",
          "review.reasonRequired",
          "review.reasonTooLong",
          "blacklist.valueInvalid",
          "blacklist.reasonRequired",
          "blacklist.listed",
          "setting.refused",
          "setting.required",
          "setting.notWhole",
          "setting.outOfRange",
          "setting.ascending",
          "setting.notMoney",
          "setting.notUrl",
          "setting.tooEarly",
          "setting.reviewAfterRefund",
          "setting.maxBelowMin");

  /** The texts one file itself holds (a bundle would also answer its parent's keys). */
  static Properties file(String name) throws IOException {
    Properties texts = new Properties();
    try (InputStream in =
        StaffTextsTest.class.getResourceAsStream("/io/kameng/console/i18n/" + name)) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_zh.properties"})
  void everyValueAndRefusalHasAText(String name) throws IOException {
    Properties texts = file(name);
    List<String> keys = new ArrayList<>();
    Stream.of(OrderState.values()).forEach(v -> keys.add("OrderState." + v.name()));
    Stream.of(StuckReason.values()).forEach(v -> keys.add("StuckReason." + v.name()));
    Stream.of(OrderEventType.values()).forEach(v -> keys.add("OrderEventType." + v.name()));
    Stream.of(RiskRule.values()).forEach(v -> keys.add("RiskRule." + v.name()));
    Stream.of(BlacklistKind.values()).forEach(v -> keys.add("BlacklistKind." + v.name()));
    Stream.of(Setting.Kind.values()).forEach(v -> keys.add("SettingKind." + v.name()));
    for (Setting setting : Setting.values()) {
      keys.add("Setting." + setting.name());
      keys.add("Setting." + setting.name() + ".hint");
    }
    CODES.forEach(code -> keys.add("error." + code));

    assertThat(texts.stringPropertyNames()).containsAll(keys);
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_zh.properties"})
  void textsWithArgumentsHaveNoApostrophes(String name) throws IOException {
    Properties texts = file(name);

    // MessageFormat (and h:outputFormat) drops an apostrophe and what it quotes.
    assertThat(
            texts.stringPropertyNames().stream()
                .filter(key -> texts.getProperty(key).matches("(?s).*\\{\\d.*"))
                .filter(key -> texts.getProperty(key).contains("'"))
                .toList())
        .isEmpty();
  }
}
