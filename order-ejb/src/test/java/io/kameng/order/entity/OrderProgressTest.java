package io.kameng.order.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.order.entity.OrderProgress.Status;
import io.kameng.order.entity.OrderProgress.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderProgressTest {

  @Test
  void aNewOrderIsAtSubmittedUntilThePaymentDeadlineWithTheUsualPathAhead() {
    Order order = OrderTest.placed();
    OrderProgress progress = order.progress();
    assertThat(nodes(progress))
        .containsExactly(
            ProgressNode.SUBMITTED,
            ProgressNode.PAID,
            ProgressNode.VERIFYING,
            ProgressNode.FULFILLING,
            ProgressNode.COMPLETED);
    Step current = progress.current();
    assertThat(current.node()).isEqualTo(ProgressNode.SUBMITTED);
    assertThat(current.status()).isEqualTo(Status.CURRENT);
    assertThat(current.reachedAt()).contains(OrderTest.T0);
    assertThat(current.expectedBy()).contains(OrderTest.T0.plus(Duration.ofMinutes(15)));
    assertThat(progress.nodes().subList(1, 5))
        .allSatisfy(
            step -> {
              assertThat(step.status()).isEqualTo(Status.PENDING);
              assertThat(step.reachedAt()).isEmpty();
              assertThat(step.expectedBy()).isEmpty();
            });
  }

  @Test
  void reviewShowsOnlyWhenItHappens() {
    OrderProgress progress = OrderTest.inState(OrderState.IN_REVIEW).progress();
    assertThat(nodes(progress))
        .containsExactly(
            ProgressNode.SUBMITTED,
            ProgressNode.PAID,
            ProgressNode.VERIFYING,
            ProgressNode.IN_REVIEW,
            ProgressNode.FULFILLING,
            ProgressNode.COMPLETED);
    assertThat(progress.current().node()).isEqualTo(ProgressNode.IN_REVIEW);
    assertThat(progress.nodes().get(2).status()).isEqualTo(Status.DONE);
  }

  @Test
  void aCancelledOrderEndsInCancelledInsteadOfTheNodesItWillNeverReach() {
    Order order = OrderTest.placed();
    Instant cancelled = OrderTest.T0.plusSeconds(30);
    order.cancelByBuyer(cancelled);
    OrderProgress progress = order.progress();
    assertThat(nodes(progress)).containsExactly(ProgressNode.SUBMITTED, ProgressNode.CANCELLED);
    assertThat(progress.current().reachedAt()).contains(cancelled);
    assertThat(progress.nodes())
        .allSatisfy(step -> assertThat(step.status()).isEqualTo(Status.DONE));
    assertThat(progress.current().expectedBy()).isEmpty();
  }

  @Test
  void aRefundedOrderShowsHowFarItGotThenTheRefund() {
    OrderProgress progress = OrderTest.inState(OrderState.REFUNDED).progress();
    assertThat(nodes(progress))
        .containsExactly(
            ProgressNode.SUBMITTED,
            ProgressNode.PAID,
            ProgressNode.REFUNDING,
            ProgressNode.REFUNDED);
    assertThat(progress.nodes())
        .allSatisfy(step -> assertThat(step.status()).isEqualTo(Status.DONE));
  }

  @Test
  void aCompletedOrderHasEveryNodeDoneWithItsTime() {
    OrderProgress progress = OrderTest.inState(OrderState.COMPLETED).progress();
    assertThat(progress.nodes())
        .allSatisfy(
            step -> {
              assertThat(step.status()).isEqualTo(Status.DONE);
              assertThat(step.reachedAt()).isPresent();
            });
    assertThat(nodes(progress)).endsWith(ProgressNode.FULFILLING, ProgressNode.COMPLETED);
  }

  private static List<ProgressNode> nodes(OrderProgress progress) {
    return progress.nodes().stream().map(Step::node).toList();
  }
}
