package io.kameng.escalation.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.order.entity.StuckReason;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CompensationTest {

  @ParameterizedTest(name = "{0} yuan at {1} % -> {2}")
  @CsvSource({
    "48.00, 5, 2.40",
    "10.00, 5, 1.00", // at least 1
    "1000.00, 5, 20.00", // at most 20
    "99.50, 5, 4.98", // 4.975 rounds half up
    "48.00, 0, 0.00", // switched off
  })
  void theVoucherIsAShareOfTheOrderBetweenTheBounds(String amount, long percent, String voucher) {
    assertThat(
            Compensation.amountFor(
                new BigDecimal(amount), percent, new BigDecimal("1.00"), new BigDecimal("20.00")))
        .isEqualByComparingTo(voucher);
  }

  @ParameterizedTest
  @EnumSource(StuckReason.class)
  void everyDelayButTheBuyersOwnIsCompensated(StuckReason cause) {
    assertThat(Compensation.isCompensated(cause)).isEqualTo(cause != StuckReason.USER_INPUT);
  }
}
