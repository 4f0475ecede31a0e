package io.kameng.order.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An order in the merchant channel: who holds it, how far they are, and what they may do. */
class MerchantStepsTest {

  static final Instant T = OrderTest.LATER;
  static final Instant DUE = T.plus(Duration.ofMinutes(30));

  static Order verifying() {
    return OrderTest.inState(OrderState.VERIFYING);
  }

  @Test
  void aDesignatedMerchantHoldsItsOrderUntilItAcceptsAndDelivers() {
    Order order = verifying();
    order.assignToMerchant(T, "m1", DUE);
    assertThat(order.state()).isEqualTo(OrderState.FULFILLING);
    assertThat(order.owner()).contains(OrderOwner.MERCHANT);
    assertThat(order.merchant()).contains("m1");
    assertThat(order.merchantStep()).contains(MerchantStep.ASSIGNED);
    assertThat(order.deadline()).contains(DUE);
    assertThat(order.isHeldBy("m2")).isFalse();

    Instant fulfilBy = DUE.plus(Duration.ofHours(1));
    order.acceptByMerchant(T, "m1", fulfilBy);
    assertThat(order.merchantStep()).contains(MerchantStep.ACCEPTED);
    assertThat(order.expectedAt()).contains(fulfilBy);

    order.deliveredByMerchant(T, "m1");
    assertThat(order.state()).isEqualTo(OrderState.COMPLETED);
    assertThat(order.merchant()).isEmpty();
    assertThat(order.timeline().get(order.timeline().size() - 1).actor()).isEqualTo("merchant:m1");
  }

  @Test
  void anotherMerchantCannotAcceptOrDeliverIt() {
    Order order = verifying();
    order.assignToMerchant(T, "m1", DUE);
    assertThatThrownBy(() -> order.acceptByMerchant(T, "m2", DUE))
        .isInstanceOf(OrderStateException.class);
    order.acceptByMerchant(T, "m1", DUE);
    assertThatThrownBy(() -> order.deliveredByMerchant(T, "m2"))
        .isInstanceOf(OrderStateException.class);
    assertThat(order.state()).isEqualTo(OrderState.FULFILLING);
  }

  @Test
  void anOrderIsDeliveredOnlyAfterItWasAccepted() {
    Order order = verifying();
    order.offerToPool(T, null, DUE);
    order.claimFromPool(T, "m1", DUE);
    assertThatThrownBy(() -> order.deliveredByMerchant(T, "m1"))
        .isInstanceOf(OrderStateException.class);
    assertThatThrownBy(() -> order.claimFromPool(T, "m2", DUE))
        .as("a claimed order is no longer in the pool")
        .isInstanceOf(OrderStateException.class);
  }

  @Test
  void aReleasedOrderIsBackInThePoolWithANewDeadline() {
    Order order = verifying();
    order.offerToPool(T, null, DUE);
    assertThat(order.isInPool()).isTrue();
    order.claimFromPool(T, "m1", DUE);
    Instant poolBy = DUE.plus(Duration.ofMinutes(30));
    order.releaseToPool(T, "merchant:m1", OrderEventType.MERCHANT_REJECTED, "no stock", poolBy);
    assertThat(order.isInPool()).isTrue();
    assertThat(order.merchant()).isEmpty();
    assertThat(order.deadline()).contains(poolBy);
    assertThat(order.timeline().get(order.timeline().size() - 1).event())
        .isEqualTo(OrderEventType.MERCHANT_REJECTED);
    assertThatThrownBy(
            () -> order.releaseToPool(T, "x", OrderEventType.MERCHANT_TIMED_OUT, null, poolBy))
        .as("an order in the pool is held by nobody")
        .isInstanceOf(OrderStateException.class);
  }

  @Test
  void aMerchantAsksTheBuyerToCorrectAndLetsGoOfTheOrder() {
    Order order = verifying();
    order.assignToMerchant(T, "m1", DUE);
    order.acceptByMerchant(T, "m1", DUE);
    order.askBuyerToCorrect(T, "merchant:m1", "no such game account", DUE);
    assertThat(order.state()).isEqualTo(OrderState.AWAITING_BUYER);
    assertThat(order.owner()).contains(OrderOwner.BUYER);
    assertThat(order.stuckReason()).contains(StuckReason.USER_INPUT);
    assertThat(order.merchant()).isEmpty();
    assertThat(order.acceptsInputCorrection()).isTrue();
  }
}
