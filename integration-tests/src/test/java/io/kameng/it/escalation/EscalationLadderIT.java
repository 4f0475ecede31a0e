package io.kameng.it.escalation;

import static io.kameng.it.TestStaffDesk.act;
import static io.kameng.it.escalation.Ladder.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestLadder;
import io.kameng.it.TestMerchantDesk;
import io.kameng.it.TestMerchantSignIn;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.TestStaffDesk;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The escalation ladder in Payara against MariaDB, the clock moved inside the server (no sleeps):
 * each step just before and just after its deadline, as the buyer sees it (API, notices, the
 * storefront's signed webhooks) and as stored; the exception pool's people (claim, hold,
 * re-dispatch, refund) at their boundary, as admins and as a reviewer who may not; concurrent
 * scans.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EscalationLadderIT {

  /** The margin before a deadline: the real seconds a test step takes stay well inside it. */
  private static final int BEFORE = -60;

  private static final int AFTER = 1;

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        TestData.class,
        TestLadder.class,
        TestMerchantSignIn.class,
        TestMerchantDesk.class,
        TestStaffDesk.class);
  }

  @AfterEach
  void defaults() throws Exception {
    resetSettings();
    storefrontFails(0);
  }

  @Test
  void aStuckOrderIsDelayedThenEscalatedThenRefundedEachAtItsDeadline() throws Exception {
    Placed order = stuckOrder();
    Instant paid = ladderDue(order).minus(Duration.ofHours(1));
    assertThat(ladderOf(order))
        .isEqualTo("FULFILLING STOCK OUT_OF_STOCK DELAY_NOTICE - - open unheld");

    toLadderStep(order, BEFORE);
    climb();
    assertThat(Paying.events(Paying.follow(order))).doesNotContain("DELAYED");

    Paying.advance(-BEFORE + AFTER);
    climb();
    Paying.await(() -> Paying.events(Paying.follow(order)).contains("DELAYED"));
    JsonObject delayed = Paying.follow(order);
    assertThat(delayed.getString("stuckReasonText")).isEqualTo("暂时缺货，等待补货");
    assertThat(Instant.parse(delayed.getString("expectedAt")))
        .isEqualTo(paid.plus(Duration.ofHours(2)));
    JsonObject notice = last(delayed, "notices");
    assertThat(notice.getString("kind")).isEqualTo("DELAYED");
    assertThat(notice.getString("cause")).isEqualTo("OUT_OF_STOCK");
    assertThat(Instant.parse(notice.getString("expectedAt")))
        .isEqualTo(paid.plus(Duration.ofHours(2)));
    assertThat(ladderDue(order)).isEqualTo(paid.plus(Duration.ofHours(2)));

    toLadderStep(order, BEFORE);
    climb();
    assertThat(ladderOf(order)).endsWith("open unheld");
    assertThat(fixture("voucherOf", order)).startsWith("0");

    Paying.advance(-BEFORE + AFTER);
    climb();
    Paying.await(() -> ladderOf(order).endsWith("pool unheld"));
    assertThat(ladderOf(order))
        .isEqualTo("FULFILLING PLATFORM OUT_OF_STOCK AUTO_REFUND - - pool unheld");
    JsonObject escalated = Paying.follow(order);
    assertThat(Paying.events(escalated)).endsWith("ESCALATED", "COMPENSATED");
    assertThat(escalated.getJsonObject("voucher").getString("amount"))
        .as("5 % of 48.00, at least 1, at most 20")
        .isEqualTo("2.40");
    assertThat(fixture("voucherOf", order)).isEqualTo("1 2.40 OUT_OF_STOCK -");
    assertThat(Instant.parse(escalated.getString("expectedAt")))
        .isEqualTo(paid.plus(Duration.ofHours(4)));

    toLadderStep(order, BEFORE);
    climb();
    assertThat(Paying.follow(order).getString("state")).isEqualTo("FULFILLING");

    Paying.advance(-BEFORE + AFTER);
    climb();
    Paying.awaitState(order, "REFUNDING");
    refundAllDue();
    JsonObject refunded = Paying.awaitState(order, "REFUNDED");
    assertThat(refunded.getJsonArray("refunds").getJsonObject(0).getString("reason"))
        .isEqualTo("AUTO_REFUND");
    assertThat(refunded.getJsonArray("refunds").getJsonObject(0).getString("amount"))
        .isEqualTo("48.00");
    assertThat(notices(order))
        .extracting(n -> n.substring(0, n.indexOf(':')))
        .containsExactly("PAID", "DELAYED", "ESCALATED", "REFUNDING", "REFUNDED");
    climb();
    assertThat(fixture("voucherOf", order)).as("issued once").startsWith("1 ");
    assertThat(fixture("ladderDue", order)).as("off the ladder").isEqualTo("-");
  }

  @Test
  void noticesReachTheStorefrontSignedAndAreRetriedWhenItFails() throws Exception {
    storefrontFails(1_000);
    Placed order = stuckOrder();
    Paying.await(
        () -> {
          deliverNotices();
          return fixture("attemptsOf", Map.of("kind", "PAID"), order).contains("503");
        });
    String refusedOnce = fixture("attemptsOf", Map.of("kind", "PAID"), order);
    deliverNotices();
    assertThat(fixture("attemptsOf", Map.of("kind", "PAID"), order))
        .as("not tried again before 15 s")
        .isEqualTo(refusedOnce);

    storefrontFails(0);
    Paying.await(
        () -> {
          Paying.advance(16);
          deliverNotices();
          return notices(order).get(0).startsWith("PAID:DELIVERED");
        });
    List<JsonObject> received = received(order);
    assertThat(received.stream().filter(r -> r.getBoolean("taken")))
        .extracting(r -> r.getString("kind"))
        .containsExactly("PAID");
    assertThat(received).allMatch(Ladder::signedByThePlatform, "signed by the platform");
    long refused = received.stream().filter(r -> !r.getBoolean("taken")).count();
    String attempts = fixture("attemptsOf", Map.of("kind", "PAID"), order);
    System.out.printf("PAID notice of %s: attempts %s%n", order.orderNo(), attempts);
    assertThat(refused).isPositive();
    assertThat(attempts.split(","))
        .as("every attempt recorded, the last one taken")
        .hasSize((int) refused + 1)
        .endsWith("204");
    assertThat(notices(order).get(0)).isEqualTo("PAID:DELIVERED:" + (refused + 1));
  }

  @Test
  void aHoldKeepsTheAutomaticRefundAwayUntilItsDeadline() throws Exception {
    Placed order = stuckOrder();
    intoThePool(order);
    String admin = "ops" + System.nanoTime() + ":ADMIN";
    String other = "ops2" + System.nanoTime() + ":ADMIN";
    String reviewer = "rev" + System.nanoTime() + ":REVIEWER";

    assertThat(act(reviewer, "poolClaim", "orderNo", order.orderNo())).isEqualTo("denied");
    assertThat(act(admin, "pool")).contains(order.orderNo() + ":OUT_OF_STOCK");
    assertThat(act(admin, "hold", "orderNo", order.orderNo(), "text", "x", "seconds", "3600"))
        .as("claim first")
        .isEqualTo("refused:pool.notYours");
    assertThat(act(admin, "poolClaim", "orderNo", order.orderNo())).isEqualTo(order.orderNo());
    assertThat(act(other, "poolClaim", "orderNo", order.orderNo()))
        .isEqualTo("refused:pool.claimedByOther");
    assertThat(act(admin, "hold", "orderNo", order.orderNo(), "text", " ", "seconds", "3600"))
        .isEqualTo("refused:pool.reasonRequired");
    assertThat(act(admin, "hold", "orderNo", order.orderNo(), "text", "supplier", "seconds", "-5"))
        .isEqualTo("refused:pool.holdNotFuture");
    assertThat(
            act(admin, "hold", "orderNo", order.orderNo(), "text", "x", "seconds", "" + 73 * 3600))
        .isEqualTo("refused:pool.holdTooLong");

    Instant autoRefund = ladderDue(order);
    Instant holdUntil = autoRefund.plus(Duration.ofHours(1));
    assertThat(
            act(
                admin,
                "hold",
                "orderNo",
                order.orderNo(),
                "text",
                "restock promised by the vendor",
                "seconds",
                Long.toString(Duration.between(now(), holdUntil).toSeconds())))
        .isEqualTo("ok");
    assertThat(ladderOf(order)).endsWith("AUTO_REFUND " + admin.split(":")[0] + " - pool held");

    moveTo(autoRefund.plusSeconds(AFTER));
    climb();
    assertThat(Paying.follow(order).getString("state"))
        .as("held: not refunded")
        .isEqualTo("FULFILLING");
    assertThat(Paying.events(Paying.follow(order)))
        .contains("HELD")
        .doesNotContain("REFUND_STARTED");

    toLadderStep(order, AFTER); // the hold's deadline
    climb();
    Paying.awaitState(order, "REFUNDING");
  }

  @Test
  void anAdminRefundsOrRedispatchesAnOrderFromThePool() throws Exception {
    Placed stuck = stuckOrder();
    intoThePool(stuck);
    // A merchant order nobody claimed in time goes to the exception pool too.
    Placed unclaimed = Paying.place(TestData.product("card", true), 1);
    Paying.pay(Paying.startPayment(unclaimed));
    Paying.awaitPaid(unclaimed);
    Paying.advance(31 * 60);
    FixtureClient.create("orders", Map.of("action", "merchantDeadlines"));
    Paying.await(
        () -> ladderOf(stuck).contains(" pool ") && ladderOf(unclaimed).contains(" pool "));
    String admin = "ops" + System.nanoTime() + ":ADMIN";

    assertThat(act(admin, "poolClaim", "orderNo", stuck.orderNo())).isEqualTo(stuck.orderNo());
    assertThat(act(admin, "poolRefund", "orderNo", stuck.orderNo(), "text", ""))
        .isEqualTo("refused:pool.reasonRequired");
    assertThat(act(admin, "poolRefund", "orderNo", stuck.orderNo(), "text", "buyer asked by phone"))
        .isEqualTo("ok");
    refundAllDue();
    JsonObject refunded = Paying.awaitState(stuck, "REFUNDED");
    assertThat(refunded.getJsonArray("refunds").getJsonObject(0).getString("reason"))
        .isEqualTo("STAFF_REFUND");
    assertThat(refunded.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event"))
        .contains("POOL_CLAIMED", "REFUND_STARTED");

    assertThat(act(admin, "redispatch", "orderNo", unclaimed.orderNo()))
        .isEqualTo("refused:pool.notYours");
    assertThat(act(admin, "poolClaim", "orderNo", unclaimed.orderNo()))
        .isEqualTo(unclaimed.orderNo());
    assertThat(act(admin, "redispatch", "orderNo", unclaimed.orderNo())).isEqualTo("ok");
    Paying.await(
        () -> {
          List<String> events = Paying.events(Paying.follow(unclaimed));
          return events.get(events.size() - 1).equals("OFFERED_TO_POOL");
        });
    assertThat(Paying.events(Paying.follow(unclaimed)))
        .containsSubsequence(
            "HANDED_TO_PLATFORM", "POOL_CLAIMED", "REDISPATCHED", "OFFERED_TO_POOL");
    assertThat(ladderOf(unclaimed)).startsWith("FULFILLING MERCHANT - ").endsWith(" open unheld");
    assertThat(act(admin, "pool")).doesNotContain(unclaimed.orderNo());
  }

  @Test
  void aMerchantWhoKeepsAnOrderWaitingIsCountedAndPaysTheVoucher() throws Exception {
    assertThat(act("chief:ADMIN", "settings", "s.merchant-fulfil-minutes", "180"))
        .isEqualTo("merchant-fulfil-minutes");
    String merchant =
        TestAccounts.create("slow", io.kameng.identity.entity.Role.MERCHANT, "merchant-secret-1");
    assertThat(TestMerchantDesk.act(merchant, "online")).startsWith("online");
    Placed order = Paying.place(TestData.merchantProduct("card", merchant), 1);
    Paying.pay(Paying.startPayment(order));
    Paying.await(() -> TestMerchantDesk.act(merchant, "myOrders").contains(order.orderNo()));
    assertThat(TestMerchantDesk.onOrder(merchant, "accept", order.orderNo(), null))
        .endsWith(":ACCEPTED");

    toLadderStep(order, AFTER);
    climb();
    Paying.await(() -> Paying.events(Paying.follow(order)).contains("DELAYED"));
    assertThat(Paying.follow(order).getString("stuckReason")).isEqualTo("MERCHANT");
    assertThat(strikes(order, merchant)).isEqualTo("ORDER_DELAYED");

    toLadderStep(order, AFTER);
    climb();
    Paying.await(() -> ladderOf(order).contains(" pool "));
    assertThat(strikes(order, merchant)).isEqualTo("ORDER_DELAYED,ORDER_DELAYED");
    assertThat(fixture("voucherOf", order)).isEqualTo("1 2.40 MERCHANT " + merchant);
    assertThat(TestMerchantDesk.onOrder(merchant, "fulfil", order.orderNo(), "too late"))
        .as("the platform owns it now")
        .startsWith("refused:");
  }

  @Test
  void aBuyerWhoDoesNotCorrectTheInputInADayIsRefundedAndTheLadderWaitsMeanwhile()
      throws Exception {
    String merchant =
        TestAccounts.create("chk", io.kameng.identity.entity.Role.MERCHANT, "merchant-secret-1");
    assertThat(TestMerchantDesk.act(merchant, "online")).startsWith("online");
    Placed order =
        Paying.place(
            TestData.merchantProduct("game", merchant),
            1,
            "{\"gameAccount\": \"nobody_here\", \"gameServer\": \"天空岛\", \"roleId\": \"R-9\"}");
    Paying.pay(Paying.startPayment(order));
    Paying.await(() -> TestMerchantDesk.act(merchant, "myOrders").contains(order.orderNo()));
    TestMerchantDesk.onOrder(merchant, "accept", order.orderNo(), null);
    assertThat(TestMerchantDesk.onOrder(merchant, "report", order.orderNo(), "没有这个账号"))
        .isEqualTo("ok");
    JsonObject asked = Paying.follow(order);
    assertThat(asked.getString("state")).isEqualTo("AWAITING_BUYER");
    Instant correctBy = Instant.parse(asked.getString("expectedAt"));
    assertThat(fixture("ladderDue", order)).as("the ladder waits for the buyer").isEqualTo("-");

    moveTo(correctBy.minusSeconds(60));
    climb();
    JsonObject waiting = Paying.follow(order);
    assertThat(waiting.getString("state")).isEqualTo("AWAITING_BUYER");
    assertThat(Paying.events(waiting))
        .as("the buyer's own time is no delay")
        .doesNotContain("DELAYED");

    Paying.advance(61);
    climb();
    Paying.awaitState(order, "REFUNDING");
    refundAllDue();
    JsonObject refunded = Paying.awaitState(order, "REFUNDED");
    assertThat(refunded.getJsonArray("refunds").getJsonObject(0).getString("reason"))
        .isEqualTo("BUYER_INPUT_MISSING");
    assertThat(refunded.isNull("voucher")).as("no compensation for the buyer's own delay").isTrue();
    assertThat(notices(order))
        .extracting(n -> n.substring(0, n.indexOf(':')))
        .containsExactly("PAID", "ACTION_NEEDED", "REFUNDING", "REFUNDED");
  }

  private static String strikes(Placed order, String merchant) {
    return FixtureClient.create(
        "orders", Map.of("action", "strikesOf", "orderNo", order.orderNo(), "merchant", merchant));
  }

  @Test
  void concurrentScansApplyEachStepOnce() throws Exception {
    List<Placed> orders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      orders.add(stuckOrder()); // a product each: an empty product goes off sale
    }
    toLadderStep(orders.get(orders.size() - 1), AFTER);
    List<Integer> due = TestData.concurrently(4, Ladder::climb);
    Paying.await(
        () -> orders.stream().allMatch(o -> Paying.events(Paying.follow(o)).contains("DELAYED")));
    System.out.printf("Concurrent ladder scans: 4 runs took %s of 40 due orders%n", due);
    for (Placed order : orders) {
      assertThat(Paying.countEvents(order, "DELAYED")).as(order.orderNo()).isEqualTo(1);
      assertThat(notices(order).stream().filter(n -> n.startsWith("DELAYED")).count()).isEqualTo(1);
    }
  }

  private static JsonObject last(JsonObject view, String array) {
    var values = view.getJsonArray(array).getValuesAs(JsonObject.class);
    return values.get(values.size() - 1);
  }
}
