package io.kameng.sandbox.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayClockTest {

  private final GatewayClock clock = new GatewayClock();

  @Test
  void aFrozenClockStandsStillUntilLetRun() throws Exception {
    Instant at = Instant.now().plus(Duration.ofDays(3));
    assertEquals(at, clock.set(at, true));
    Thread.sleep(20);
    assertEquals(at, clock.now());

    clock.freeze(false);
    Thread.sleep(20);
    assertTrue(clock.now().isAfter(at));
    assertTrue(clock.now().isBefore(at.plusSeconds(5)));
  }

  @Test
  void advancingByNothingOrLettingRunAnswersWhereTheClockStands() {
    assertTrue(!clock.advance(Duration.ZERO).isBefore(Instant.now().minusSeconds(1)));
    Instant at = Instant.now().plus(Duration.ofDays(1));
    clock.set(at, true);
    assertEquals(at, clock.freeze(false));
    assertTrue(!clock.advance(Duration.ZERO).isBefore(at));
  }

  @Test
  void theClockOnlyMovesForward() {
    assertThrows(
        IllegalArgumentException.class, () -> clock.set(Instant.now().minusSeconds(60), false));
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    Instant at = Instant.now().plus(Duration.ofHours(1));
    clock.set(at, true);
    // Advancing a frozen clock moves it on from where it stood, and lets it run.
    Instant advanced = clock.advance(Duration.ofSeconds(10));
    assertTrue(!advanced.isBefore(at.plusSeconds(10)) && advanced.isBefore(at.plusSeconds(11)));
    clock.reset();
    assertTrue(clock.now().isBefore(at));
  }
}
