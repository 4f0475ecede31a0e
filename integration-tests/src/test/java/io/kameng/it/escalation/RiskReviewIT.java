package io.kameng.it.escalation;

import static io.kameng.it.TestStaffDesk.act;
import static io.kameng.it.escalation.Ladder.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.KamengDeployment;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestLadder;
import io.kameng.it.TestMerchantSignIn;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.TestStaffDesk;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Risk rules, the review queue and the admins' settings, at their boundaries over HTTP as the
 * reviewers and admins themselves, with real payments at the sandbox: an order over the amount
 * limit waits for a reviewer (the buyer sees why and until when), who approves or rejects it; a
 * review not done in time goes to a senior reviewer, then to the exception pool; a blacklisted
 * buyer is blocked and refunded; settings are checked field by field, audited, and take effect.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RiskReviewIT {

  private static final String ADMIN = "chief:ADMIN";

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
        TestStaffDesk.class);
  }

  @AfterEach
  void defaults() {
    resetSettings();
  }

  @Test
  void anOrderOverTheAmountLimitWaitsForAReviewerWhoApprovesIt() throws Exception {
    assertThat(act(ADMIN, "settings", "s.risk-amount-limit", "40.00"))
        .isEqualTo("risk-amount-limit");
    long product = stockedProduct(1);
    Placed order = Paying.place(product, 1);
    Paying.pay(Paying.startPayment(order));
    JsonObject parked = Paying.awaitState(order, "IN_REVIEW");
    Instant paid = ladderDue(order).minus(Duration.ofHours(1));

    assertThat(parked.getString("situation")).contains("人工审核");
    assertThat(Instant.parse(parked.getString("expectedAt")))
        .as("first review due in 30 minutes")
        .isBetween(paid.plus(Duration.ofMinutes(30)), paid.plus(Duration.ofMinutes(31)));
    assertThat(parked.getJsonArray("notices").getValuesAs(JsonObject.class))
        .extracting(n -> n.getString("kind"))
        .containsExactly("PAID", "UNDER_REVIEW");
    assertThat(fixture("riskOf", order)).isEqualTo("REVIEW AMOUNT_LIMIT");

    String reviewer = "rev" + System.nanoTime() + ":REVIEWER";
    String other = "rev2" + System.nanoTime() + ":REVIEWER";
    assertThat(act(reviewer, "reviewQueue")).contains(order.orderNo() + ":1");
    assertThat(act(reviewer, "approve", "orderNo", order.orderNo()))
        .as("claim first")
        .isEqualTo("refused:review.notYours");
    assertThat(act(reviewer, "reviewClaim", "orderNo", order.orderNo())).isEqualTo(order.orderNo());
    assertThat(act(other, "reviewClaim", "orderNo", order.orderNo()))
        .isEqualTo("refused:review.claimedByOther");
    assertThat(act(other, "approve", "orderNo", order.orderNo()))
        .isEqualTo("refused:review.notYours");
    assertThat(act(reviewer, "approve", "orderNo", order.orderNo(), "text", "known buyer"))
        .isEqualTo("ok");

    JsonObject done = Paying.awaitState(order, "COMPLETED");
    assertThat(done.getJsonArray("cardKeys")).hasSize(1);
    assertThat(Paying.events(done))
        .containsSubsequence("SENT_TO_REVIEW", "REVIEW_CLAIMED", "REVIEW_APPROVED", "COMPLETED");
    assertThat(fixture("riskOf", order)).isEqualTo("REVIEW AMOUNT_LIMIT PASS");
    assertThat(act(reviewer, "reviewQueue")).doesNotContain(order.orderNo());
  }

  @Test
  void aRejectedOrderIsRefundedWithTheReason() throws Exception {
    act(ADMIN, "settings", "s.risk-amount-limit", "40.00");
    Placed order = Paying.place(stockedProduct(1), 1);
    Paying.pay(Paying.startPayment(order));
    Paying.awaitState(order, "IN_REVIEW");
    String reviewer = "rev" + System.nanoTime() + ":REVIEWER";

    assertThat(act(reviewer, "reviewClaim", "orderNo", order.orderNo())).isEqualTo(order.orderNo());
    assertThat(act(reviewer, "reject", "orderNo", order.orderNo(), "text", " "))
        .isEqualTo("refused:review.reasonRequired");
    assertThat(act(reviewer, "reject", "orderNo", order.orderNo(), "text", "stolen card suspected"))
        .isEqualTo("ok");
    refundAllDue();
    JsonObject refunded = Paying.awaitState(order, "REFUNDED");
    assertThat(refunded.getJsonArray("refunds").getJsonObject(0).getString("reason"))
        .isEqualTo("REVIEW_REJECTED");
    assertThat(refunded.getJsonArray("cardKeys")).isEmpty();
    assertThat(fixture("riskOf", order)).isEqualTo("REVIEW AMOUNT_LIMIT BLOCK");
  }

  @Test
  void anUnreviewedOrderGoesToASeniorReviewerThenToTheExceptionPool() throws Exception {
    act(ADMIN, "settings", "s.risk-amount-limit", "40.00");
    Placed order = Paying.place(stockedProduct(1), 1);
    Paying.pay(Paying.startPayment(order));
    Paying.awaitState(order, "IN_REVIEW");
    Instant reviewDue = Instant.parse(Paying.follow(order).getString("expectedAt"));
    String reviewer = "rev" + System.nanoTime() + ":REVIEWER";

    moveTo(reviewDue.minusSeconds(60));
    climb();
    assertThat(ladderOf(order)).startsWith("IN_REVIEW RISK_REVIEW - DELAY_NOTICE - 1 ");
    moveTo(reviewDue.plusSeconds(1));
    climb();
    Paying.await(() -> ladderOf(order).contains(" 2 open"));
    assertThat(act(reviewer, "reviewClaim", "orderNo", order.orderNo()))
        .isEqualTo("refused:review.seniorOnly");
    assertThat(act(reviewer, "reviewClaimNext")).isNotEqualTo(order.orderNo());
    assertThat(Paying.events(Paying.follow(order))).contains("REVIEW_ESCALATED");

    Instant secondDue = reviewDue.plus(Duration.ofMinutes(90));
    moveTo(secondDue.plusSeconds(1));
    climb();
    Paying.await(() -> ladderOf(order).contains(" pool "));
    assertThat(ladderOf(order)).startsWith("IN_REVIEW PLATFORM RISK_REVIEW ");
    assertThat(act(ADMIN, "poolClaim", "orderNo", order.orderNo())).isEqualTo(order.orderNo());
    assertThat(act(ADMIN, "redispatch", "orderNo", order.orderNo())).isEqualTo("ok");
    JsonObject done = Paying.awaitState(order, "COMPLETED");
    assertThat(done.getJsonArray("cardKeys")).hasSize(1);
    assertThat(done.getJsonObject("voucher").getString("amount"))
        .as("the platform's reviewers were late: compensated")
        .isEqualTo("2.40");
  }

  @Test
  void aBlacklistedBuyerIsBlockedAndRefunded() throws Exception {
    String contact = "bad" + System.nanoTime() + "@example.com";
    assertThat(act("rev:REVIEWER", "blacklist", "kind", "CONTACT", "text", contact))
        .isEqualTo("denied");
    assertThat(act(ADMIN, "blacklist", "kind", "CONTACT", "text", " " + contact.toUpperCase()))
        .isEqualTo(contact);
    assertThat(act(ADMIN, "blacklist", "kind", "CONTACT", "text", contact))
        .isEqualTo("refused:blacklist.listed");
    Placed order = Paying.place(stockedProduct(1), 1, "{\"deliveryContact\": \"" + contact + "\"}");
    Paying.pay(Paying.startPayment(order));
    Paying.awaitState(order, "REFUNDING");
    refundAllDue();
    JsonObject refunded = Paying.awaitState(order, "REFUNDED");
    assertThat(refunded.getJsonArray("refunds").getJsonObject(0).getString("reason"))
        .isEqualTo("RISK_BLOCKED");
    assertThat(refunded.getJsonArray("cardKeys")).as("no key issued").isEmpty();
    assertThat(fixture("riskOf", order)).isEqualTo("BLOCK BLACKLISTED");
  }

  @Test
  void settingsAreCheckedFieldByFieldAuditedAndTakeEffect() throws Exception {
    String admin = "setter" + System.nanoTime();
    assertThat(act("rev:REVIEWER", "settings", "s.delay-notice-minutes", "20")).isEqualTo("denied");
    String refused =
        act(
            admin + ":ADMIN",
            "settings",
            "s.delay-notice-minutes",
            "abc",
            "s.compensation-max",
            "0.50",
            "s.notice-webhook-url",
            "ftp://x");
    assertThat(refused)
        .startsWith("refused:")
        .contains("delay-notice-minutes=setting.notWhole", "notice-webhook-url=setting.notUrl");
    assertThat(act(admin + ":ADMIN", "settings", "s.exception-pool-minutes", "30"))
        .isEqualTo("refused:exception-pool-minutes=setting.tooEarly");
    assertThat(act(admin + ":ADMIN", "settings", "s.compensation-max", "0.50"))
        .isEqualTo("refused:compensation-max=setting.maxBelowMin");
    assertThat(act(ADMIN, "settingHistory")).doesNotContain(admin);

    assertThat(act(admin + ":ADMIN", "settings", "s.delay-notice-minutes", " 20 "))
        .isEqualTo("delay-notice-minutes");
    assertThat(act(ADMIN, "settingHistory")).startsWith("delay-notice-minutes:60->20:" + admin);

    Placed order = stuckOrder();
    Instant paid = ladderDue(order).minus(Duration.ofMinutes(20));
    assertThat(Paying.follow(order).getString("state")).isEqualTo("FULFILLING");
    moveTo(paid.plus(Duration.ofMinutes(20)).plusSeconds(1));
    climb();
    Paying.await(() -> Paying.events(Paying.follow(order)).contains("DELAYED"));
  }
}
