package io.kameng.catalogue.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.catalogue.entity.Carrier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "13800138000, CHINA_MOBILE",
    "15912345678, CHINA_MOBILE",
    "19812345678, CHINA_MOBILE",
    "13012345678, CHINA_UNICOM",
    "18612345678, CHINA_UNICOM",
    "13312345678, CHINA_TELECOM",
    "18912345678, CHINA_TELECOM",
    "19912345678, CHINA_TELECOM",
    "19212345678, CHINA_BROADNET",
    "17001234567, CHINA_TELECOM",
    "17031234567, CHINA_MOBILE",
    "17041234567, CHINA_UNICOM",
    "17091234567, CHINA_UNICOM",
  })
  void aNumberBelongsToTheCarrierOfItsPrefix(String number, Carrier carrier) {
    assertThat(MobileNumbers.isMobile(number)).isTrue();
    assertThat(MobileNumbers.carrierOf(number)).contains(carrier);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "14012345678", // 140: not allocated
        "17412345678x",
        "12012345678", // second digit must be 3-9
        "1380013800", // 10 digits
        "138001380001", // 12 digits
        "1380013800a",
        "",
        "17041234567 "
      })
  void anythingElseIsNoMainlandMobileNumber(String number) {
    assertThat(MobileNumbers.isMobile(number)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "13800138000",
        " 138 0013 8000 ",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "8613800138000"
      })
  void spacesHyphensAndTheCountryCodeAreRemoved(String typed) {
    assertThat(MobileNumbers.normalize(typed)).isEqualTo("13800138000");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"86138", "861380013800"})
  void aShortNumberStartingWith86KeepsItsDigits(String typed) {
    assertThat(MobileNumbers.normalize(typed)).isEqualTo(typed);
  }
}
