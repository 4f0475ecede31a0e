package io.kameng.it.merchant;

import static io.kameng.it.TestMerchantDesk.act;
import static io.kameng.it.TestMerchantDesk.onOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestMerchantDesk;
import io.kameng.it.TestMerchantSignIn;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The merchant channel at the {@code MerchantDesk} boundary, over HTTP as the merchants themselves
 * (each request signed in as one merchant): a designated merchant gets the order, accepts and
 * delivers it and the buyer reads the delivery; an offline merchant's order goes to the grab pool;
 * missed deadlines send orders back to the pool, then to the platform's exception pool; a merchant
 * sends an order back or asks the buyer to correct the input; another merchant can neither see nor
 * touch an order it does not hold; concurrent claims take each order once within every merchant's
 * limit. Every step is checked where the buyer sees it and in the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MerchantsIT {

  private static final String PASSWORD = "merchant-secret-1";
  private static final ShopApi shop = new ShopApi("zh-CN");

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        TestData.class,
        TestMerchantSignIn.class,
        TestMerchantDesk.class);
  }

  @Test
  void theDesignatedMerchantAcceptsAndDeliversAndOnlyTheBuyerReadsTheDelivery() throws Exception {
    String merchant = onlineMerchant();
    Placed order = Paying.place(TestData.merchantProduct("card", merchant), 1);
    Paying.pay(Paying.startPayment(order));

    Paying.await(() -> merchantOf(order).equals("FULFILLING MERCHANT " + merchant + " ASSIGNED -"));
    JsonObject assigned = Paying.follow(order);
    assertThat(assigned.getString("ownerText")).isEqualTo("商家");
    assertThat(Paying.events(assigned)).endsWith("MERCHANT_ASSIGNED");
    assertThat(act(merchant, "myOrders")).isEqualTo(order.orderNo() + ":ASSIGNED");

    assertThat(onOrder(merchant, "fulfil", order.orderNo(), "卡号 1"))
        .as("delivering before accepting")
        .isEqualTo("refused:order.notAccepted");
    assertThat(onOrder(merchant, "accept", order.orderNo(), null))
        .isEqualTo(order.orderNo() + ":ACCEPTED");
    assertThat(onOrder(merchant, "accept", order.orderNo(), null))
        .as("accepted once")
        .isEqualTo("refused:order.notAcceptable");
    assertThat(onOrder(merchant, "fulfil", order.orderNo(), "  "))
        .isEqualTo("refused:merchant.noteRequired");
    assertThat(Paying.follow(order).getString("state")).isEqualTo("FULFILLING");

    assertThat(onOrder(merchant, "fulfil", order.orderNo(), "卡号 8012 3456 密码 7788"))
        .isEqualTo("ok");

    JsonObject done = Paying.follow(order);
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getString("delivery")).isEqualTo("卡号 8012 3456 密码 7788");
    assertThat(done.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + "/" + e.getString("actor"))
        .endsWith("MERCHANT_ASSIGNED/卡盟平台", "MERCHANT_ACCEPTED/商家", "COMPLETED/商家");
    assertThat(done.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("text"))
        .contains("已指派商家为您发货", "商家已接单，正在处理");
    HttpResponse<String> stranger =
        shop.get("/orders/" + order.orderNo(), "Order-Token", "not-the-token");
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(stranger.body()).doesNotContain("8012");
    assertThat(act(merchant, "myOrders")).as("delivered orders leave the desk").isEmpty();
  }

  @Test
  void anotherMerchantCanNeitherSeeNorTouchAnOrderItDoesNotHold() throws Exception {
    String holder = onlineMerchant();
    String other = onlineMerchant();
    Placed order = paidOrder(TestData.merchantProduct("card", holder), "a");
    Paying.await(() -> merchantOf(order).equals("FULFILLING MERCHANT " + holder + " ASSIGNED -"));

    assertThat(onOrder(other, "accept", order.orderNo(), null)).isEqualTo("refused:order.notYours");
    assertThat(onOrder(other, "fulfil", order.orderNo(), "x")).isEqualTo("refused:order.notYours");
    assertThat(onOrder(other, "reject", order.orderNo(), "x")).isEqualTo("refused:order.notYours");
    assertThat(onOrder(other, "report", order.orderNo(), "x")).isEqualTo("refused:order.notYours");
    assertThat(onOrder(other, "claim", order.orderNo(), null))
        .as("not in the pool: held by another")
        .isEqualTo("refused:order.notInPool");
    assertThat(onOrder(other, "accept", "20991231000000000000", null))
        .as("an unknown order is refused the same way")
        .isEqualTo("refused:order.notYours");
    assertThat(act(other, "myOrders")).doesNotContain(order.orderNo());
    assertThat(act(other, "pool")).doesNotContain(order.orderNo());
    assertThat(act(null, "status")).as("nobody signed in").isEqualTo("denied");
    assertThat(act(null, "myOrders")).isEqualTo("denied");

    assertThat(merchantOf(order)).isEqualTo("FULFILLING MERCHANT " + holder + " ASSIGNED -");
    assertThat(Paying.events(Paying.follow(order))).endsWith("MERCHANT_ASSIGNED");
  }

  @Test
  void anOfflineDesignatedMerchantsOrderGoesToThePoolAndCountsAgainstIt() throws Exception {
    String away = merchant();
    String taker = onlineMerchant();
    clearThePool();
    Placed order = paidOrder(TestData.merchantProduct("card", away), "b");

    Paying.await(() -> merchantOf(order).equals("FULFILLING MERCHANT - - -"));
    assertThat(strikes(order, away)).isEqualTo("OFFLINE_WHEN_ASSIGNED");
    assertThat(act(away, "strikes")).startsWith("OFFLINE_WHEN_ASSIGNED:");
    assertThat(Paying.events(Paying.follow(order))).endsWith("OFFERED_TO_POOL");
    assertThat(act(taker, "pool")).contains(order.orderNo());

    assertThat(onOrder(taker, "claim", order.orderNo(), null))
        .isEqualTo(order.orderNo() + ":CLAIMED");
    assertThat(onOrder(taker, "accept", order.orderNo(), null))
        .isEqualTo(order.orderNo() + ":ACCEPTED");
    assertThat(onOrder(taker, "fulfil", order.orderNo(), "已充值")).isEqualTo("ok");
    assertThat(Paying.follow(order).getString("state")).isEqualTo("COMPLETED");
    assertThat(strikes(order, taker)).isEmpty();
  }

  @Test
  void missedDeadlinesSendTheOrderBackToThePoolThenToTheExceptionPool() throws Exception {
    String slow = onlineMerchant();
    long product = TestData.merchantProduct("card", slow);
    Placed unaccepted = paidOrder(product, "c");
    Placed undelivered = paidOrder(product, "d");
    Paying.await(() -> merchantOf(undelivered).endsWith(" ASSIGNED -"));
    Paying.await(() -> merchantOf(unaccepted).endsWith(" ASSIGNED -"));
    onOrder(slow, "accept", undelivered.orderNo(), null);

    Paying.advance(29 * 60);
    releaseDue();
    assertThat(merchantOf(unaccepted))
        .as("29 minutes: still the merchant's")
        .endsWith("ASSIGNED -");

    Paying.advance(2 * 60);
    releaseDue();
    assertThat(merchantOf(unaccepted)).isEqualTo("FULFILLING MERCHANT - - -");
    assertThat(strikes(unaccepted, slow)).isEqualTo("ACCEPT_MISSED");
    JsonObject released = Paying.follow(unaccepted);
    assertThat(Paying.events(released)).endsWith("MERCHANT_TIMED_OUT");
    assertThat(released.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("text"))
        .contains("商家未及时处理，订单将由其他商家接手");
    assertThat(merchantOf(undelivered))
        .as("accepted: an hour to deliver")
        .endsWith(slow + " ACCEPTED -");

    Paying.advance(30 * 60);
    releaseDue();
    assertThat(merchantOf(undelivered)).isEqualTo("FULFILLING MERCHANT - - -");
    assertThat(strikes(undelivered, slow)).isEqualTo("FULFIL_MISSED");
    assertThat(merchantOf(unaccepted))
        .as("nobody claimed it for 30 minutes: the exception pool")
        .isEqualTo("FULFILLING PLATFORM - - MERCHANT");
    JsonObject late = Paying.follow(unaccepted);
    assertThat(late.getString("stuckReason")).isEqualTo("MERCHANT");
    assertThat(late.getString("stuckReasonText")).isNotBlank();
    assertThat(Paying.events(late)).endsWith("HANDED_TO_PLATFORM");
    assertThat(onOrder(slow, "accept", unaccepted.orderNo(), null))
        .isEqualTo("refused:order.notYours");
  }

  @Test
  void aMerchantSendsAnOrderBackWithAReasonAndIsNotOfferedItAgain() throws Exception {
    String first = onlineMerchant();
    String second = onlineMerchant();
    Placed order = paidOrder(TestData.product("card", true), "e");
    Paying.await(() -> merchantOf(order).equals("FULFILLING MERCHANT - - -"));

    assertThat(onOrder(first, "claim", order.orderNo(), null))
        .isEqualTo(order.orderNo() + ":CLAIMED");
    assertThat(onOrder(first, "reject", order.orderNo(), " "))
        .isEqualTo("refused:merchant.reasonRequired");
    assertThat(onOrder(first, "reject", order.orderNo(), "x".repeat(501)))
        .isEqualTo("refused:merchant.textTooLong");
    assertThat(onOrder(first, "reject", order.orderNo(), "该面值暂时无货")).isEqualTo("ok");

    assertThat(merchantOf(order)).isEqualTo("FULFILLING MERCHANT - - -");
    assertThat(strikes(order, first)).isEqualTo("REJECTED");
    assertThat(act(first, "pool")).doesNotContain(order.orderNo());
    assertThat(onOrder(first, "claim", order.orderNo(), null))
        .isEqualTo("refused:order.rejectedByYou");
    assertThat(Paying.events(Paying.follow(order))).endsWith("MERCHANT_REJECTED");
    assertThat(onOrder(second, "claim", order.orderNo(), null))
        .isEqualTo(order.orderNo() + ":CLAIMED");
  }

  @Test
  void aMerchantAsksTheBuyerToCorrectAndTheCorrectedOrderComesBackToIt() throws Exception {
    String merchant = onlineMerchant();
    Placed order =
        Paying.place(
            TestData.merchantProduct("game", merchant),
            1,
            "{\"gameAccount\": \"nobody_here\", \"gameServer\": \"天空岛\", \"roleId\": \"R-1\"}");
    FixtureClient.create(
        "orders", Map.of("action", "drive", "orderNo", order.orderNo(), "step", "pay"));
    dispatch(order);
    Paying.await(() -> merchantOf(order).endsWith(merchant + " ASSIGNED -"));
    onOrder(merchant, "accept", order.orderNo(), null);

    assertThat(onOrder(merchant, "report", order.orderNo(), ""))
        .isEqualTo("refused:merchant.problemRequired");
    assertThat(onOrder(merchant, "report", order.orderNo(), "游戏账号不存在，请核对")).isEqualTo("ok");

    JsonObject asked = Paying.follow(order);
    assertThat(asked.getString("state")).isEqualTo("AWAITING_BUYER");
    assertThat(asked.getString("owner")).isEqualTo("BUYER");
    assertThat(asked.getString("stuckReason")).isEqualTo("USER_INPUT");
    assertThat(asked.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("event") + "/" + e.getString("actor"))
        .endsWith("BUYER_ASKED_TO_CORRECT/商家");
    assertThat(strikes(order, merchant))
        .as("the buyer's input is not the merchant's fault")
        .isEmpty();
    assertThat(act(merchant, "myOrders")).doesNotContain(order.orderNo());

    HttpResponse<String> corrected =
        shop.putJson(
            "/orders/" + order.orderNo() + "/input",
            "{\"input\": {\"gameAccount\": \"real_player\", \"gameServer\": \"天空岛\", \"roleId\": \"R-1\"}}",
            "Order-Token",
            order.token());
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

    Paying.await(() -> merchantOf(order).equals("FULFILLING MERCHANT " + merchant + " ASSIGNED -"));
    assertThat(Paying.events(Paying.follow(order)))
        .endsWith("INPUT_CORRECTED", "MERCHANT_ASSIGNED");
  }

  @Test
  void standingOnlineAndLimitDecideWhoMayClaim() throws Exception {
    String merchant = merchant();
    long pool = TestData.product("card", true);
    Placed one = paidOrder(pool, "f");
    Placed two = paidOrder(pool, "g");
    Paying.await(() -> merchantOf(one).equals("FULFILLING MERCHANT - - -"));
    Paying.await(() -> merchantOf(two).equals("FULFILLING MERCHANT - - -"));

    assertThat(onOrder(merchant, "claim", one.orderNo(), null))
        .isEqualTo("refused:merchant.offline");
    act(merchant, "online");
    assertThat(standing(merchant, "RESTRICTED", 5)).isEqualTo("ok");
    assertThat(onOrder(merchant, "claim", one.orderNo(), null))
        .isEqualTo("refused:merchant.mayNotClaim");
    assertThat(standing(merchant, "ACTIVE", 501)).isEqualTo("refused:merchant.limitInvalid");
    assertThat(standing(merchant, "ACTIVE", 1)).isEqualTo("ok");
    assertThat(act(merchant, "status")).isEqualTo("online ACTIVE 0/1 strikes=0");

    assertThat(onOrder(merchant, "claim", one.orderNo(), null))
        .isEqualTo(one.orderNo() + ":CLAIMED");
    assertThat(onOrder(merchant, "claim", two.orderNo(), null))
        .isEqualTo("refused:merchant.limitReached");
    assertThat(merchantOf(two)).isEqualTo("FULFILLING MERCHANT - - -");

    assertThat(act(merchant, "offline")).isEqualTo("offline ACTIVE 0/1 strikes=1");
    assertThat(merchantOf(one))
        .as("not accepted: back to the pool")
        .isEqualTo("FULFILLING MERCHANT - - -");
    assertThat(strikes(one, merchant)).isEqualTo("WENT_OFFLINE");
    assertThat(Paying.events(Paying.follow(one))).endsWith("MERCHANT_WENT_OFFLINE");
  }

  @Test
  void hundredConcurrentClaimsTakeEachOrderOnceWithinEveryMerchantsLimit() throws Exception {
    long pool = TestData.product("card", true);
    List<Placed> orders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Placed order = Paying.place(pool, 1, "{\"deliveryContact\": \"race" + i + "@example.com\"}");
      FixtureClient.create(
          "orders", Map.of("action", "drive", "orderNo", order.orderNo(), "step", "pay"));
      dispatch(order);
      orders.add(order);
    }
    for (Placed order : orders) {
      Paying.await(() -> merchantOf(order).equals("FULFILLING MERCHANT - - -"));
    }
    List<String> merchants = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      String merchant = onlineMerchant();
      assertThat(standing(merchant, "ACTIVE", 2)).isEqualTo("ok");
      merchants.add(merchant);
    }

    AtomicInteger next = new AtomicInteger();
    Map<String, String> answers = new ConcurrentHashMap<>();
    TestData.concurrently(
        100,
        () -> {
          int i = next.getAndIncrement();
          String merchant = merchants.get(i % 10);
          // Each merchant tries ten orders, each order is tried by five merchants.
          String orderNo = orders.get((i / 10 * 3 + i % 10 * 7) % 20).orderNo();
          String answer = onOrder(merchant, "claim", orderNo, null);
          answers.put(i + " " + merchant + " " + orderNo, answer);
          return answer;
        });

    Map<String, List<String>> wonBy =
        answers.entrySet().stream()
            .filter(e -> e.getValue().endsWith(":CLAIMED"))
            .collect(
                Collectors.groupingBy(
                    e -> e.getKey().split(" ")[2],
                    Collectors.mapping(e -> e.getKey().split(" ")[1], Collectors.toList())));
    System.out.printf(
        "Grab pool race: 100 claims, %d won, refusals %s%n",
        wonBy.size(),
        answers.values().stream()
            .filter(a -> !a.endsWith(":CLAIMED"))
            .collect(Collectors.groupingBy(a -> a, Collectors.counting())));
    assertThat(answers).hasSize(100);
    assertThat(answers.values())
        .allSatisfy(
            a ->
                assertThat(a)
                    .matches("\\d+:CLAIMED|refused:order.notInPool|refused:merchant.limitReached"));
    assertThat(wonBy.values()).as("each order won once").allSatisfy(w -> assertThat(w).hasSize(1));
    Map<String, Long> winsPerMerchant =
        wonBy.values().stream()
            .collect(Collectors.groupingBy(w -> w.get(0), Collectors.counting()));
    assertThat(winsPerMerchant.values())
        .as("nobody over its limit")
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(wonBy.size()).as("most orders are taken").isGreaterThanOrEqualTo(10);
    for (Placed order : orders) {
      String stored = merchantOf(order);
      List<String> winners = wonBy.getOrDefault(order.orderNo(), List.of());
      if (winners.isEmpty()) {
        assertThat(stored).as("not won: still in the pool").isEqualTo("FULFILLING MERCHANT - - -");
        assertThat(countEvents(order, "MERCHANT_CLAIMED")).isEqualTo("0");
      } else {
        assertThat(stored).isEqualTo("FULFILLING MERCHANT " + winners.get(0) + " CLAIMED -");
        assertThat(countEvents(order, "MERCHANT_CLAIMED")).isEqualTo("1");
      }
    }
    for (String merchant : merchants) {
      long won = winsPerMerchant.getOrDefault(merchant, 0L);
      assertThat(act(merchant, "status")).startsWith("online ACTIVE " + won + "/2");
      if (won < 2) {
        assertThat(answers.entrySet())
            .filteredOn(e -> e.getKey().contains(" " + merchant + " "))
            .as("a merchant below its limit lost only to faster merchants")
            .allSatisfy(
                e -> assertThat(e.getValue()).matches("\\d+:CLAIMED|refused:order.notInPool"));
      }
    }
  }

  @Test
  void aMerchantStocksItsOwnCardKeysIsWarnedWhenLowAndNobodyElseCanTouchThem() throws Exception {
    String owner = merchant();
    String other = merchant();
    long product = TestData.merchantProduct("stocked-card", owner);
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    StringBuilder twelve = new StringBuilder("code\n");
    for (int i = 0; i < 12; i++) {
      twelve.append("OWN-").append(run).append('-').append(i).append('\n');
    }
    String withDuplicate = twelve + "OWN-" + run + "-3\n";

    assertThat(importKeys(owner, product, withDuplicate, false))
        .as("a duplicate in the file: nothing stored")
        .isEqualTo("stored=false accepted=0 rejected=1");
    assertThat(act(owner, "myStock")).isEqualTo(product + ":0");
    assertThat(importKeys(owner, product, twelve.toString(), false))
        .isEqualTo("stored=true accepted=12 rejected=0");
    assertThat(act(owner, "myStock")).isEqualTo(product + ":12");
    assertThat(act(owner, "lowStock")).as("12 keys are not low").isEmpty();
    assertThat(keysOwnedBy(product, owner)).isEqualTo("12");

    assertThat(importKeys(other, product, "OTHER-" + run + "-1\n", false))
        .isEqualTo("refused:stock.notYourProduct");
    assertThat(importKeys(other, 99_999_999L, "OTHER-" + run + "-1\n", false))
        .as("an unknown product is refused alike")
        .isEqualTo("refused:stock.notYourProduct");
    assertThat(act(other, "myStock")).isEmpty();
    assertThat(keysOwnedBy(product, other)).isEqualTo("0");

    Placed order = Paying.place(product, 3);
    FixtureClient.create(
        "orders", Map.of("action", "drive", "orderNo", order.orderNo(), "step", "pay"));
    dispatch(order);
    Paying.await(() -> Paying.follow(order).getString("state").equals("COMPLETED"));
    assertThat(Paying.follow(order).getJsonArray("cardKeys")).hasSize(3);
    assertThat(act(owner, "lowStock")).as("9 left: restock").isEqualTo(product + ":9");
  }

  private static String importKeys(String merchant, long product, String csv, boolean accept) {
    return act(
        merchant,
        "importKeys",
        "productId",
        Long.toString(product),
        "csv",
        csv,
        "acceptValidRows",
        Boolean.toString(accept));
  }

  private static String keysOwnedBy(long product, String owner) {
    return FixtureClient.create(
        "orders",
        Map.of("action", "keysOwnedBy", "productId", Long.toString(product), "owner", owner));
  }

  private static String merchant() {
    return TestAccounts.create("m", Role.MERCHANT, PASSWORD);
  }

  private static String onlineMerchant() {
    String merchant = merchant();
    assertThat(act(merchant, "online")).startsWith("online ACTIVE 0/");
    return merchant;
  }

  /** An order paid (by the fixture, not the gateway) and dispatched at once. */
  private static Placed paidOrder(long product, String contact) {
    Placed order =
        Paying.place(
            product,
            1,
            "{\"deliveryContact\": \"" + contact + System.nanoTime() + "@example.com\"}");
    FixtureClient.create(
        "orders", Map.of("action", "drive", "orderNo", order.orderNo(), "step", "pay"));
    dispatch(order);
    return order;
  }

  /** Dispatches a paid order now (the server's scan may have done it already). */
  private static void dispatch(Placed order) {
    FixtureClient.create("orders", Map.of("action", "dispatchOne", "orderNo", order.orderNo()));
  }

  /**
   * Orders other tests left in the grab pool go to the exception pool (their pool time passes), so
   * the pool a merchant is shown (the 100 most urgent) has this test's orders.
   */
  private static void clearThePool() {
    Paying.advance(31 * 60);
    releaseDue();
  }

  private static void releaseDue() {
    while (Integer.parseInt(FixtureClient.create("orders", Map.of("action", "merchantDeadlines")))
        == 100) {
      // another batch
    }
  }

  /** State, owner, merchant, merchant step and stuck reason as stored ("-" for none). */
  private static String merchantOf(Placed order) {
    return FixtureClient.create(
        "orders", Map.of("action", "merchantOf", "orderNo", order.orderNo()));
  }

  private static String strikes(Placed order, String merchant) {
    return FixtureClient.create(
        "orders", Map.of("action", "strikesOf", "orderNo", order.orderNo(), "merchant", merchant));
  }

  private static String standing(String merchant, String standing, int limit) {
    return FixtureClient.create(
        "orders",
        Map.of(
            "action",
            "standing",
            "merchant",
            merchant,
            "standing",
            standing,
            "limit",
            Integer.toString(limit)));
  }

  private static String countEvents(Placed order, String event) {
    return FixtureClient.create(
        "orders", Map.of("action", "countEvents", "orderNo", order.orderNo(), "event", event));
  }
}
