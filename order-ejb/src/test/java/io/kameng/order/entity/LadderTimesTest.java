package io.kameng.order.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LadderTimesTest {

  private static final Instant PAID = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void eachStepComesAtItsTimeFromTheStartOfTheLadder() {
    LadderTimes times =
        new LadderTimes(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4));
    assertThat(times.dueOf(LadderStep.DELAY_NOTICE, PAID)).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(times.dueOf(LadderStep.EXCEPTION_POOL, PAID)).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(times.dueOf(LadderStep.AUTO_REFUND, PAID)).isEqualTo("2026-12-01T12:00:00Z");
  }

  @Test
  void stepsOutOfOrderAreRefused() {
    assertThatThrownBy(
            () -> new LadderTimes(Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new LadderTimes(Duration.ofHours(1), Duration.ofHours(5), Duration.ofHours(4)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
