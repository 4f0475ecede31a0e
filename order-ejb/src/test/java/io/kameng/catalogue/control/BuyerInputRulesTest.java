package io.kameng.catalogue.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.catalogue.control.BuyerInputRules.Checked;
import io.kameng.catalogue.entity.BuyerField;
import io.kameng.catalogue.entity.Carrier;
import io.kameng.catalogue.entity.FieldError;
import io.kameng.catalogue.entity.InputRequirements;
import io.kameng.catalogue.entity.ProductType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuyerInputRulesTest {

  private static final InputRequirements MOBILE_TOPUP =
      new InputRequirements(ProductType.PHONE_TOPUP, Carrier.CHINA_MOBILE, null);
  private static final InputRequirements GAME =
      new InputRequirements(ProductType.GAME_RECHARGE, null, List.of("电信一区", "网通二区"));
  private static final InputRequirements CARD_KEY =
      new InputRequirements(ProductType.CARD_KEY, null, null);

  private static Map<String, String> input(String... keysAndValues) {
    Map<String, String> input = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      input.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return input;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ProductType.class)
  void everyTypeAcceptsGoodInput(ProductType type) {
    Map<String, String> good =
        input(
            "mobileNumber", "13800138000",
            "gameAccount", "player_01",
            "gameServer", "电信一区",
            "roleId", "R12345",
            "membershipAccount", "vip.member@example.com",
            "deliveryContact", "buyer@example.com");
    good.keySet().retainAll(type.fields().stream().map(f -> f.property()).toList());

    Checked checked =
        BuyerInputRules.check(
            new InputRequirements(type, Carrier.CHINA_MOBILE, List.of("电信一区")), good);

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.input()).isEqualTo(good);
  }

  @Test
  void aTopUpNumberIsStoredAsBareDigits() {
    Checked checked =
        BuyerInputRules.check(MOBILE_TOPUP, input("mobileNumber", "+86 138-0013-8000"));

    assertThat(checked.isValid()).isTrue();
    assertThat(checked.input()).containsEntry("mobileNumber", "13800138000");
  }

  @Test
  void aTopUpForAnotherCarriersNumberIsRefused() {
    Checked checked = BuyerInputRules.check(MOBILE_TOPUP, input("mobileNumber", "13012345678"));

    assertThat(checked.errors())
        .containsExactly(new FieldError("mobileNumber", FieldError.WRONG_CARRIER));
    assertThat(checked.input()).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"1380013800", "14012345678", "abc", "' OR 1=1 --"})
  void aMalformedTopUpNumberIsRefused(String number) {
    assertThat(BuyerInputRules.check(MOBILE_TOPUP, input("mobileNumber", number)).errors())
        .extracting(FieldError::code)
        .containsExactly(FieldError.MALFORMED);
  }

  @Test
  void aTopUpNumberWithTooManyDigitsIsTooLong() {
    assertThat(BuyerInputRules.check(MOBILE_TOPUP, input("mobileNumber", "138001380001")).errors())
        .containsExactly(new FieldError("mobileNumber", FieldError.TOO_LONG));
  }

  @Test
  void aMissingOrBlankFieldIsRequired() {
    assertThat(BuyerInputRules.check(MOBILE_TOPUP, Map.of()).errors())
        .containsExactly(new FieldError("mobileNumber", FieldError.REQUIRED));
    assertThat(BuyerInputRules.check(MOBILE_TOPUP, input("mobileNumber", "   ")).errors())
        .containsExactly(new FieldError("mobileNumber", FieldError.REQUIRED));
    assertThat(BuyerInputRules.check(MOBILE_TOPUP, null).errors())
        .containsExactly(new FieldError("mobileNumber", FieldError.REQUIRED));
  }

  @Test
  void everyWrongGameFieldIsReportedAtOnceInFormOrder() {
    Checked checked =
        BuyerInputRules.check(
            GAME, input("gameAccount", "has space", "gameServer", "火星区", "roleId", "<script>"));

    assertThat(checked.errors())
        .containsExactly(
            new FieldError("gameAccount", FieldError.MALFORMED),
            new FieldError("gameServer", FieldError.UNKNOWN_SERVER),
            new FieldError("roleId", FieldError.MALFORMED));
  }

  @Test
  void aGameAccountMayBeWrittenInAnyScript() {
    Checked checked =
        BuyerInputRules.check(
            GAME, input("gameAccount", "玩家_01", "gameServer", "网通二区", "roleId", "88-1"));

    assertThat(checked.isValid()).isTrue();
  }

  @Test
  void anOversizedFieldIsTooLongWhateverItContains() {
    Checked checked =
        BuyerInputRules.check(
            GAME, input("gameAccount", "a".repeat(65), "gameServer", "电信一区", "roleId", "1"));

    assertThat(checked.errors())
        .containsExactly(new FieldError("gameAccount", FieldError.TOO_LONG));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"buyer@example.com", "买家@例子.com", "13800138000", "138 0013 8000"})
  void aCardKeyIsDeliveredToAnEmailOrAMobileNumber(String contact) {
    assertThat(BuyerInputRules.check(CARD_KEY, input("deliveryContact", contact)).isValid())
        .isTrue();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {"not-an-email", "<script>@x.com", "a@b", "14012345678", "x@y.com; DROP TABLE"})
  void aContactThatIsNeitherIsMalformed(String contact) {
    assertThat(BuyerInputRules.check(CARD_KEY, input("deliveryContact", contact)).errors())
        .extracting(FieldError::code)
        .containsExactly(FieldError.MALFORMED);
  }

  @Test
  void aFieldTheProductDoesNotTakeIsReportedNotIgnored() {
    Checked checked =
        BuyerInputRules.check(
            MOBILE_TOPUP, input("mobileNumber", "13800138000", "mobileNo", "13800138000"));

    assertThat(checked.errors())
        .containsExactly(new FieldError("mobileNo", FieldError.NOT_EXPECTED));
  }

  @Test
  void aTopUpProductMustNameItsCarrier() {
    assertThatThrownBy(() -> new InputRequirements(ProductType.DATA_TOPUP, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("A top-up product needs its carrier.");
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "MOBILE_NUMBER|13800138000",
        "MOBILE_NUMBER|+86 138-0013-8000",
        "MOBILE_NUMBER|12345678901",
        "MOBILE_NUMBER|1380013800",
        "GAME_ACCOUNT|玩家_01.a@b-c",
        "GAME_ACCOUNT|a b",
        "GAME_ACCOUNT|<script>",
        "ROLE_ID|R-7_x",
        "ROLE_ID|1' OR '1",
        "MEMBERSHIP_ACCOUNT|vip@qq.com",
        "DELIVERY_CONTACT|a@b.cn",
        "DELIVERY_CONTACT|139 0013 9000",
        "DELIVERY_CONTACT|a@b",
        "DELIVERY_CONTACT|x<y@z.cn"
      })
  void theBrowserCheckAgreesWithTheServerOnTheFormat(BuyerField field, String value) {
    String pattern = BuyerInputRules.browserPattern(field).orElseThrow();
    String typed = value.strip();
    if ((field == BuyerField.MOBILE_NUMBER || field == BuyerField.DELIVERY_CONTACT)
        && !typed.contains("@")) {
      typed = typed.replaceAll("[\\s-]", "");
    }
    boolean browserAccepts = java.util.regex.Pattern.matches(pattern, typed);
    InputRequirements product =
        new InputRequirements(
            field == BuyerField.MOBILE_NUMBER
                ? ProductType.PHONE_TOPUP
                : field == BuyerField.DELIVERY_CONTACT
                    ? ProductType.CARD_KEY
                    : field == BuyerField.MEMBERSHIP_ACCOUNT
                        ? ProductType.MEMBERSHIP
                        : ProductType.GAME_RECHARGE,
            Carrier.CHINA_MOBILE,
            List.of("一区"));
    boolean serverCallsItMalformed =
        BuyerInputRules.check(product, Map.of(field.property(), value)).errors().stream()
            .anyMatch(
                e -> e.field().equals(field.property()) && e.code().equals(FieldError.MALFORMED));
    assertThat(browserAccepts).isEqualTo(!serverCallsItMalformed);
  }

  @Test
  void aChoiceFromTheProductsListHasNoPatternToType() {
    assertThat(BuyerInputRules.browserPattern(BuyerField.GAME_SERVER)).isEmpty();
  }
}
