package io.kameng.it.order;

import static io.kameng.it.ShopApi.json;
import static io.kameng.it.TestData.concurrently;
import static io.kameng.it.TestData.product;
import static io.kameng.it.order.OrderSubmissionIT.errors;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /shop/api/v1/orders/{orderNo}} and the buyer's actions: progress in buyer words with
 * owner, cause and expected time; cancel before paying; correct the recipient; the unpaid expiry
 * with the platform clock moved forward.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderFollowingIT {

  private final ShopApi zh = new ShopApi("zh-CN");
  private final ShopApi en = new ShopApi("en");

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        ShopApi.class,
        OrderSubmissionIT.class,
        TestData.class);
  }

  record Placed(String orderNo, String token) {}

  @Test
  void onlyTheAccessTokenOpensAnOrderAndAWrongOneLooksLikeNoOrderAtAll() {
    Placed order = place(product("card", true), "{\"deliveryContact\": \"t@example.com\"}");

    HttpResponse<String> byHeader =
        zh.get("/orders/" + order.orderNo(), "Order-Token", order.token());
    HttpResponse<String> byQuery = zh.get("/orders/" + order.orderNo() + "?token=" + order.token());
    HttpResponse<String> wrongToken =
        zh.get("/orders/" + order.orderNo(), "Order-Token", order.token().substring(1) + "A");
    HttpResponse<String> noToken = zh.get("/orders/" + order.orderNo());
    HttpResponse<String> unknown =
        zh.get("/orders/209901010000000000", "Order-Token", order.token());
    HttpResponse<String> garbage = zh.get("/orders/'%20OR%201=1", "Order-Token", order.token());

    assertThat(byHeader.statusCode()).isEqualTo(200);
    assertThat(json(byHeader).getString("orderNo")).isEqualTo(order.orderNo());
    assertThat(json(byHeader).containsKey("accessToken")).isFalse();
    assertThat(byQuery.statusCode()).isEqualTo(200);
    for (HttpResponse<String> refused : List.of(wrongToken, noToken, unknown, garbage)) {
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).isEqualTo(unknown.body());
    }
    assertThat(json(unknown).getString("title")).isEqualTo("未找到订单");
  }

  @Test
  void progressShowsEachNodeWithItsTimeTheOwnerAndTheExpectedTimeInBuyerWords() {
    Placed order =
        place(
            product("game", true),
            "{\"gameAccount\": \"玩家_01\", \"gameServer\": \"天空岛\", \"roleId\": \"R-7\"}");
    drive(order, "pay", "verify", "review");

    JsonObject chinese = follow(zh, order);
    JsonObject english = follow(en, order);

    assertThat(chinese.getString("state")).isEqualTo("IN_REVIEW");
    assertThat(chinese.getString("ownerText")).isEqualTo("平台审核团队");
    assertThat(english.getString("ownerText")).isEqualTo("Our review team");
    assertThat(nodes(chinese))
        .containsExactly(
            "已提交/DONE", "已支付/DONE", "校验中/DONE", "审核中/CURRENT", "充值中/PENDING", "已完成/PENDING");
    assertThat(nodes(english)).startsWith("Submitted/DONE", "Paid/DONE");
    List<JsonObject> progress = chinese.getJsonArray("progress").getValuesAs(JsonObject.class);
    assertThat(progress.subList(0, 4))
        .allSatisfy(n -> assertThat(n.containsKey("reachedAt")).isTrue());
    assertThat(progress.get(3).getString("expectedBy")).isEqualTo(chinese.getString("expectedAt"));
    assertThat(progress.get(4).containsKey("reachedAt")).isFalse();
    assertThat(chinese.getJsonArray("timeline").getValuesAs(JsonObject.class))
        .extracting(
            e -> e.getString("event") + "/" + e.getString("actor") + "/" + e.getString("text"))
        .containsExactly(
            "SUBMITTED/您/订单已提交",
            "PAID/支付机构/已收到付款",
            "VERIFICATION_STARTED/卡盟平台/开始校验",
            "SENT_TO_REVIEW/卡盟平台/转入人工审核");
    assertThat(chinese.getJsonArray("timeline").getJsonObject(3).containsKey("reason"))
        .as("risk rule names stay internal")
        .isFalse();
    assertThat(chinese.getJsonObject("actions").getBoolean("cancel")).isFalse();
  }

  @Test
  void theBuyerCancelsAnUnpaidOrderOnceAndAPaidOneNot() {
    long card = product("card", true);
    Placed unpaid = place(card, "{\"deliveryContact\": \"c1@example.com\"}");
    Placed paid = place(card, "{\"deliveryContact\": \"c2@example.com\"}");
    drive(paid, "pay");

    HttpResponse<String> cancelled = cancel(unpaid);
    HttpResponse<String> again = cancel(unpaid);
    HttpResponse<String> refused = cancel(paid);
    HttpResponse<String> wrongToken =
        zh.postJson(
            "/orders/" + paid.orderNo() + "/cancellation", "", "Order-Token", unpaid.token());

    assertThat(cancelled.statusCode()).isEqualTo(200);
    JsonObject view = json(cancelled);
    assertThat(view.getString("state")).isEqualTo("CANCELLED");
    assertThat(view.containsKey("owner")).isFalse();
    assertThat(nodes(view)).containsExactly("已提交/DONE", "已取消/DONE");
    assertThat(view.getJsonArray("timeline").getJsonObject(1).getString("text"))
        .isEqualTo("您取消了订单");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).getString("title")).isEqualTo("订单无法取消");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(follow(zh, paid).getString("state"))
        .as("paid, and possibly handed on by the dispatch scan already")
        .isIn("PAID", "FULFILLING");
    assertThat(wrongToken.statusCode()).isEqualTo(404);
    assertThat(countEvents(unpaid, "CANCELLED_BY_BUYER")).isEqualTo(1);
  }

  @Test
  void concurrentCancellationsCancelOnceAndTheOthersAreToldItIsNoLongerPossible() throws Exception {
    Placed order = place(product("card", true), "{\"deliveryContact\": \"race@example.com\"}");

    List<HttpResponse<String>> answers = concurrently(8, () -> cancel(order));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 409);
    assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSize(1);
    assertThat(countEvents(order, "CANCELLED_BY_BUYER")).isEqualTo(1);
    assertThat(follow(zh, order).getJsonArray("timeline")).hasSize(2);
  }

  @Test
  void theBuyerCorrectsTheRecipientUntilDeliveryStartsAndACorrectionIsVerifiedAgain() {
    long game = product("game", true);
    Placed order =
        place(game, "{\"gameAccount\": \"old\", \"gameServer\": \"天空岛\", \"roleId\": \"1\"}");
    drive(order, "pay", "verify", "askBuyer");
    JsonObject waiting = follow(zh, order);
    assertThat(waiting.getString("state")).isEqualTo("AWAITING_BUYER");
    assertThat(waiting.getString("stuckReasonText")).isEqualTo("等待您修改信息");
    assertThat(waiting.getJsonArray("timeline").getJsonObject(3).getString("reason"))
        .isEqualTo("no such role");

    HttpResponse<String> wrong =
        zh.putJson(
            "/orders/" + order.orderNo() + "/input",
            "{\"input\": {\"gameAccount\": \"new\", \"gameServer\": \"火星\", \"roleId\": \"2\"}}",
            "Order-Token",
            order.token());
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(errors(wrong)).containsExactly("gameServer/unknownServer/区服：请从该商品的区服中选择。");
    assertThat(follow(zh, order).getJsonObject("input").getString("gameAccount")).isEqualTo("old");

    HttpResponse<String> corrected =
        zh.putJson(
            "/orders/" + order.orderNo() + "/input",
            "{\"input\": {\"gameAccount\": \"new\", \"gameServer\": \"世界树\", \"roleId\": \"2\"}}",
            "Order-Token",
            order.token());
    assertThat(corrected.statusCode()).isEqualTo(200);
    JsonObject view = json(corrected);
    assertThat(view.getString("state")).isEqualTo("VERIFYING");
    assertThat(view.getString("ownerText")).isEqualTo("卡盟平台");
    assertThat(view.containsKey("stuckReason")).isFalse();
    assertThat(view.getJsonObject("input").getString("gameServer")).isEqualTo("世界树");
    assertThat(countEvents(order, "INPUT_CORRECTED")).isEqualTo(1);

    // Verified again and handed on at once: the merchant product goes to the grab pool.
    io.kameng.it.payment.Paying.await(
        () -> follow(zh, order).getString("state").equals("FULFILLING"));
    HttpResponse<String> tooLate =
        zh.putJson(
            "/orders/" + order.orderNo() + "/input",
            "{\"input\": {\"gameAccount\": \"newer\", \"gameServer\": \"世界树\", \"roleId\": \"2\"}}",
            "Order-Token",
            order.token());
    assertThat(tooLate.statusCode()).isEqualTo(409);
    assertThat(json(tooLate).getString("title")).isEqualTo("信息已无法修改");
    assertThat(follow(zh, order).getJsonObject("input").getString("gameAccount")).isEqualTo("new");
    assertThat(nodes(follow(zh, order))).contains("充值中/CURRENT");
  }

  @Test
  void anUnpaidOrderExpiresAtItsPaymentDeadlineNotBefore() {
    Placed order = place(product("card", true), "{\"deliveryContact\": \"e@example.com\"}");

    advance(14 * 60 + 30);
    expireDue();
    assertThat(follow(zh, order).getString("state")).isEqualTo("SUBMITTED");

    advance(45);
    expireDue();
    JsonObject expired = follow(zh, order);
    assertThat(expired.getString("state")).isEqualTo("CANCELLED");
    assertThat(expired.getJsonArray("timeline").getJsonObject(1).getString("text"))
        .isEqualTo("超过支付截止时间未付款，订单已自动取消");
    assertThat(countEvents(order, "EXPIRED_UNPAID")).isEqualTo(1);
  }

  @Test
  void concurrentExpiryScansExpireEachDueOrderExactlyOnce() throws Exception {
    long card = product("card", true);
    List<Placed> orders = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      orders.add(place(card, "{\"deliveryContact\": \"s" + i + "@example.com\"}"));
    }
    advance(16 * 60);

    concurrently(4, OrderFollowingIT::expireDue);
    while (expireDue() > 0) {
      // the rest, if the four scans left some for another batch
    }

    assertThat(orders)
        .allSatisfy(
            order -> {
              assertThat(follow(zh, order).getString("state")).isEqualTo("CANCELLED");
              assertThat(countEvents(order, "EXPIRED_UNPAID")).isEqualTo(1);
            });
  }

  private Placed place(long product, String input) {
    HttpResponse<String> response =
        zh.postJson("/orders", "{\"productId\": %d, \"input\": %s}".formatted(product, input));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new Placed(json(response).getString("orderNo"), json(response).getString("accessToken"));
  }

  private JsonObject follow(ShopApi api, Placed order) {
    HttpResponse<String> response =
        api.get("/orders/" + order.orderNo(), "Order-Token", order.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private HttpResponse<String> cancel(Placed order) {
    return zh.postJson(
        "/orders/" + order.orderNo() + "/cancellation", "", "Order-Token", order.token());
  }

  private static List<String> nodes(JsonObject order) {
    return order.getJsonArray("progress").getValuesAs(JsonObject.class).stream()
        .map(n -> n.getString("label") + "/" + n.getString("status"))
        .toList();
  }

  private static void drive(Placed order, String... steps) {
    FixtureClient.create(
        "orders",
        Map.of("action", "drive", "orderNo", order.orderNo(), "step", String.join(",", steps)));
  }

  private static void advance(int seconds) {
    FixtureClient.create(
        "orders", Map.of("action", "advance", "seconds", Integer.toString(seconds)));
  }

  private static int expireDue() {
    return Integer.parseInt(FixtureClient.create("orders", Map.of("action", "expire")));
  }

  private static int countEvents(Placed order, String event) {
    return Integer.parseInt(
        FixtureClient.create(
            "orders", Map.of("action", "countEvents", "orderNo", order.orderNo(), "event", event)));
  }
}
