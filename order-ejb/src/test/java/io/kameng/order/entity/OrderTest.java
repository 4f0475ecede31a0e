package io.kameng.order.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.Product;
import io.kameng.catalogue.entity.ProductSpec;
import io.kameng.catalogue.entity.ProductType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every intention of the order aggregate in every state: allowed ones move, others change nothing.
 */
class OrderTest {

  static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  static final Instant LATER = T0.plus(Duration.ofMinutes(20));
  static final Instant DEADLINE = LATER.plus(Duration.ofMinutes(30));
  static final LadderTimes LADDER =
      new LadderTimes(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4));

  record Action(String name, Consumer<Order> apply, Set<OrderState> allowedFrom) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Action> ACTIONS =
      List.of(
          new Action(
              "sentToPay", o -> o.sentToPay(LATER, DEADLINE), EnumSet.of(OrderState.SUBMITTED)),
          new Action(
              "cancelByBuyer", o -> o.cancelByBuyer(LATER), EnumSet.of(OrderState.SUBMITTED)),
          new Action("expireUnpaid", o -> o.expireUnpaid(LATER), EnumSet.of(OrderState.SUBMITTED)),
          new Action(
              "correctInput",
              o ->
                  o.correctInput(
                      Map.of("deliveryContact", "new@example.com"), LATER, DEADLINE, LADDER),
              EnumSet.of(
                  OrderState.SUBMITTED,
                  OrderState.PAID,
                  OrderState.VERIFYING,
                  OrderState.AWAITING_BUYER)),
          new Action(
              "recordPayment",
              o -> o.recordPayment(LATER, "gateway", DEADLINE, LADDER),
              EnumSet.of(OrderState.SUBMITTED, OrderState.CANCELLED)),
          new Action(
              "startVerification",
              o -> o.startVerification(LATER, DEADLINE),
              EnumSet.of(OrderState.PAID, OrderState.AWAITING_BUYER)),
          new Action(
              "sendToReview",
              o -> o.sendToReview(LATER, "amount over limit", DEADLINE),
              EnumSet.of(OrderState.VERIFYING)),
          new Action(
              "askBuyerToCorrect",
              o -> o.askBuyerToCorrect(LATER, "merchant1", "no such account", DEADLINE),
              EnumSet.of(OrderState.VERIFYING, OrderState.FULFILLING)),
          new Action(
              "assignToMerchant",
              o -> o.assignToMerchant(LATER, "merchant1", DEADLINE),
              EnumSet.of(OrderState.VERIFYING, OrderState.IN_REVIEW)),
          new Action(
              "offerToPool",
              o -> o.offerToPool(LATER, null, DEADLINE),
              EnumSet.of(OrderState.VERIFYING, OrderState.IN_REVIEW, OrderState.FULFILLING)),
          new Action(
              "startFulfilment",
              o ->
                  o.startFulfilment(
                      LATER, OrderEvent.SYSTEM, OrderOwner.SUPPLIER, DEADLINE, DEADLINE),
              EnumSet.of(OrderState.VERIFYING, OrderState.IN_REVIEW)),
          new Action(
              "complete", o -> o.complete(LATER, "merchant1"), EnumSet.of(OrderState.FULFILLING)),
          new Action(
              "handToPlatform",
              o -> o.handToPlatform(LATER, StuckReason.SUPPLIER, "no supplier", DEADLINE),
              EnumSet.of(OrderState.FULFILLING)),
          new Action(
              "handToSupplier",
              o -> o.handToSupplier(LATER, "sandbox", DEADLINE),
              EnumSet.of(OrderState.FULFILLING)),
          new Action(
              "deliveredInPart",
              o -> o.deliveredInPart(LATER, OrderEvent.SYSTEM, 1, 2),
              EnumSet.of(OrderState.FULFILLING)),
          new Action(
              "awaitRestock",
              o -> o.awaitRestock(LATER, DEADLINE),
              EnumSet.of(OrderState.VERIFYING, OrderState.IN_REVIEW)),
          new Action(
              "startRefund",
              o -> o.startRefund(LATER, OrderEvent.SYSTEM, "cannot fulfil", DEADLINE),
              EnumSet.of(
                  OrderState.PAID,
                  OrderState.VERIFYING,
                  OrderState.IN_REVIEW,
                  OrderState.AWAITING_BUYER,
                  OrderState.FULFILLING,
                  OrderState.COMPLETED)),
          new Action(
              "confirmRefund", o -> o.confirmRefund(LATER), EnumSet.of(OrderState.REFUNDING)),
          new Action(
              "recordLatePayment",
              o -> o.recordLatePayment(LATER, OrderEvent.PAYMENT_GATEWAY, DEADLINE, LADDER),
              EnumSet.of(OrderState.CANCELLED)),
          new Action(
              "extraPaymentReceived",
              o -> o.extraPaymentReceived(LATER, "48.00"),
              EnumSet.complementOf(EnumSet.of(OrderState.SUBMITTED, OrderState.CANCELLED))),
          new Action(
              "latePaymentRefused",
              o -> o.latePaymentRefused(LATER, "48.00"),
              EnumSet.of(OrderState.CANCELLED)),
          new Action(
              "paymentRefunded",
              o -> o.paymentRefunded(LATER, "48.00"),
              EnumSet.allOf(OrderState.class)),
          new Action(
              "paymentUnconfirmed",
              o -> o.paymentUnconfirmed(LATER, DEADLINE),
              EnumSet.of(OrderState.SUBMITTED)),
          new Action(
              "markLate",
              o -> o.markLate(StuckReason.SUPPLIER, LATER, DEADLINE, DEADLINE),
              EnumSet.complementOf(
                  EnumSet.of(OrderState.COMPLETED, OrderState.CANCELLED, OrderState.REFUNDED))));

  static Stream<Arguments> everyActionInEveryState() {
    return ACTIONS.stream()
        .flatMap(
            action -> Stream.of(OrderState.values()).map(state -> Arguments.of(state, action)));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("everyActionInEveryState")
  void anActionMovesOnlyFromTheStatesThatAllowIt(OrderState from, Action action) {
    Order order = inState(from);
    int events = order.timeline().size();
    Map<String, String> input = order.buyerInput();
    var owner = order.owner();
    var deadline = order.deadline();
    if (action.allowedFrom().contains(from)) {
      action.apply().accept(order);
      assertThat(order.timeline()).hasSize(events + 1);
      OrderEvent last = order.timeline().get(events);
      assertThat(last.stateAfter()).isEqualTo(order.state());
      assertThat(last.occurredAt()).isEqualTo(LATER);
      assertThat(order.updatedAt()).isEqualTo(LATER);
      assertOwnedAndDueUnlessSettled(order);
    } else {
      assertThatThrownBy(() -> action.apply().accept(order))
          .isInstanceOf(OrderStateException.class)
          .satisfies(e -> assertThat(((OrderStateException) e).state()).isEqualTo(from));
      assertThat(order.state()).isEqualTo(from);
      assertThat(order.timeline()).hasSize(events);
      assertThat(order.buyerInput()).isEqualTo(input);
      assertThat(order.owner()).isEqualTo(owner);
      assertThat(order.deadline()).isEqualTo(deadline);
    }
  }

  @Test
  void aPlacedOrderWaitsForTheBuyersPaymentUntilThePaymentDeadline() {
    Order order = placed();
    assertThat(order.state()).isEqualTo(OrderState.SUBMITTED);
    assertThat(order.owner()).contains(OrderOwner.BUYER);
    assertThat(order.deadline()).contains(T0.plus(Duration.ofMinutes(15)));
    assertThat(order.expectedAt()).contains(T0.plus(Duration.ofMinutes(15)));
    assertThat(order.amount()).isEqualByComparingTo("96.00");
    assertThat(order.unitPrice()).isEqualByComparingTo("48.00");
    assertThat(order.timeline())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event()).isEqualTo(OrderEventType.SUBMITTED);
              assertThat(e.actor()).isEqualTo(OrderEvent.BUYER);
              assertThat(e.occurredAt()).isEqualTo(T0);
            });
  }

  @Test
  void anUnpaidOrderDoesNotExpireBeforeItsPaymentDeadline() {
    Order order = placed();
    Instant justBefore = order.paymentDeadline().minusNanos(1000);
    assertThatThrownBy(() -> order.expireUnpaid(justBefore))
        .isInstanceOf(OrderStateException.class);
    assertThat(order.state()).isEqualTo(OrderState.SUBMITTED);
    order.expireUnpaid(order.paymentDeadline());
    assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
    assertThat(order.owner()).isEmpty();
    assertThat(order.deadline()).isEmpty();
    assertThat(order.timeline().get(1).event()).isEqualTo(OrderEventType.EXPIRED_UNPAID);
    assertThat(order.timeline().get(1).actor()).isEqualTo(OrderEvent.SYSTEM);
  }

  @Test
  void aCorrectionWhileWaitingForTheBuyerSendsTheOrderBackToVerification() {
    Order order = inState(OrderState.AWAITING_BUYER);
    assertThat(order.stuckReason()).contains(StuckReason.USER_INPUT);
    order.correctInput(Map.of("deliveryContact", "13800138000"), LATER, DEADLINE, LADDER);
    assertThat(order.state()).isEqualTo(OrderState.VERIFYING);
    assertThat(order.owner()).contains(OrderOwner.PLATFORM);
    assertThat(order.stuckReason()).isEmpty();
    assertThat(order.buyerInput()).containsEntry("deliveryContact", "13800138000");
    OrderEvent corrected = order.timeline().get(order.timeline().size() - 1);
    assertThat(corrected.event()).isEqualTo(OrderEventType.INPUT_CORRECTED);
    assertThat(corrected.reason())
        .hasValueSatisfying(r -> assertThat(r).contains("buyer@example.com"));
  }

  @Test
  void lateNamesTheCauseWithoutChangingStateOrOwner() {
    Order order = inState(OrderState.FULFILLING);
    order.markLate(StuckReason.SUPPLIER, LATER, DEADLINE.plusSeconds(60), DEADLINE.plusSeconds(90));
    assertThat(order.state()).isEqualTo(OrderState.FULFILLING);
    assertThat(order.owner()).contains(OrderOwner.SUPPLIER);
    assertThat(order.stuckReason()).contains(StuckReason.SUPPLIER);
    assertThat(order.expectedAt()).contains(DEADLINE.plusSeconds(90));
  }

  @Test
  void anUnconfirmedPaymentIsLateOnceAndNoLongerWhenTheGatewayAnswersAgain() {
    Order order = placed();
    order.sentToPay(T0, T0.plus(Duration.ofMinutes(1)));
    Instant payBy = order.paymentDeadline();

    order.paymentUnconfirmed(LATER, LATER.plusSeconds(30));
    order.paymentUnconfirmed(LATER.plusSeconds(30), LATER.plusSeconds(60));

    assertThat(order.stuckReason()).contains(StuckReason.PAYMENT_SYNC);
    assertThat(order.owner()).contains(OrderOwner.PAYMENT_GATEWAY);
    assertThat(order.expectedAt()).contains(LATER.plusSeconds(60));
    assertThat(order.deadline()).as("the unpaid expiry stays").contains(payBy);
    assertThat(order.timeline())
        .extracting(OrderEvent::event)
        .containsExactly(
            OrderEventType.SUBMITTED, OrderEventType.SENT_TO_PAY, OrderEventType.MARKED_LATE);

    assertThat(order.paymentConfirmationResumed(LATER.plusSeconds(60), DEADLINE)).isTrue();
    assertThat(order.stuckReason()).isEmpty();
    assertThat(order.expectedAt()).as("never after the payment deadline").contains(payBy);
    assertThat(order.paymentConfirmationResumed(LATER.plusSeconds(90), DEADLINE)).isFalse();
  }

  static void assertOwnedAndDueUnlessSettled(Order order) {
    if (order.state().isFinal()) {
      assertThat(order.owner()).isEmpty();
      assertThat(order.deadline()).isEmpty();
      assertThat(order.stuckReason()).isEmpty();
    } else {
      assertThat(order.owner()).isPresent();
      assertThat(order.deadline()).isPresent();
      assertThat(order.expectedAt()).isPresent();
    }
  }

  static Order placed() {
    Product product =
        new Product(
            new ProductSpec(
                "卡密",
                "Card key",
                ProductType.CARD_KEY,
                new BigDecimal("50"),
                new BigDecimal("48.00"),
                FulfilmentChannel.CARD_KEY,
                null,
                null,
                1,
                5,
                null),
            T0);
    return Order.place(
        new Order.Placement(
            "202611220000000001",
            "0".repeat(64),
            product,
            2,
            Map.of("deliveryContact", "buyer@example.com"),
            "203.0.113.9",
            T0,
            T0.plus(Duration.ofMinutes(15))));
  }

  /** An order brought into {@code state} the way real orders get there. */
  static Order inState(OrderState state) {
    Order order = placed();
    Instant t = T0.plusSeconds(60);
    Instant due = t.plus(Duration.ofHours(1));
    switch (state) {
      case SUBMITTED -> {}
      case CANCELLED -> order.cancelByBuyer(t);
      case PAID -> order.recordPayment(t, "gateway", due, LADDER);
      case VERIFYING -> {
        order.recordPayment(t, "gateway", due, LADDER);
        order.startVerification(t, due);
      }
      case IN_REVIEW -> {
        order.recordPayment(t, "gateway", due, LADDER);
        order.startVerification(t, due);
        order.sendToReview(t, "night hours", due);
      }
      case AWAITING_BUYER -> {
        order.recordPayment(t, "gateway", due, LADDER);
        order.startVerification(t, due);
        order.askBuyerToCorrect(t, OrderEvent.SYSTEM, "no such account", due);
      }
      case FULFILLING, COMPLETED -> {
        order.recordPayment(t, "gateway", due, LADDER);
        order.startVerification(t, due);
        order.startFulfilment(t, OrderEvent.SYSTEM, OrderOwner.SUPPLIER, due, due);
        if (state == OrderState.COMPLETED) {
          order.complete(t, OrderEvent.SYSTEM);
        }
      }
      case REFUNDING, REFUNDED -> {
        order.recordPayment(t, "gateway", due, LADDER);
        order.startRefund(t, OrderEvent.SYSTEM, "out of stock", due);
        if (state == OrderState.REFUNDED) {
          order.confirmRefund(t);
        }
      }
    }
    assertThat(order.state()).isEqualTo(state);
    return order;
  }
}
