package io.kameng.order.entity;

import static io.kameng.order.entity.OrderState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pair of states, allowed or forbidden, against the architecture's diagram written out here
 * once more by hand: a change to the state machine has to change this table too.
 */
class OrderStateTest {

  private static final Map<OrderState, Set<OrderState>> DIAGRAM =
      Map.of(
          SUBMITTED, EnumSet.of(PAID, CANCELLED),
          PAID, EnumSet.of(VERIFYING, REFUNDING),
          VERIFYING, EnumSet.of(FULFILLING, IN_REVIEW, AWAITING_BUYER, REFUNDING),
          IN_REVIEW, EnumSet.of(VERIFYING, FULFILLING, REFUNDING),
          AWAITING_BUYER, EnumSet.of(VERIFYING, REFUNDING),
          FULFILLING, EnumSet.of(COMPLETED, AWAITING_BUYER, VERIFYING, REFUNDING),
          COMPLETED, EnumSet.of(REFUNDING),
          CANCELLED, EnumSet.of(PAID),
          REFUNDING, EnumSet.of(REFUNDED),
          REFUNDED, EnumSet.noneOf(OrderState.class));

  static Stream<Arguments> everyPairOfStates() {
    return Stream.of(OrderState.values())
        .flatMap(from -> Stream.of(OrderState.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPairOfStates")
  void aMoveIsAllowedExactlyWhenTheDiagramHasIt(OrderState from, OrderState to) {
    assertThat(from.mayMoveTo(to)).isEqualTo(DIAGRAM.get(from).contains(to));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void noStateMovesToItself(OrderState state) {
    assertThat(state.mayMoveTo(state)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void everyPaidStateCanStillEndInARefund(OrderState state) {
    if (state.isPaid() && state != REFUNDING && state != REFUNDED) {
      assertThat(state.next()).contains(REFUNDING);
    }
    if (!state.isPaid()) {
      assertThat(state.next()).doesNotContain(REFUNDING, REFUNDED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void onlySettledStatesAreFinal(OrderState state) {
    assertThat(state.isFinal())
        .isEqualTo(EnumSet.of(COMPLETED, CANCELLED, REFUNDED).contains(state));
  }

  static Stream<OrderState> states() {
    return Stream.of(OrderState.values());
  }
}
