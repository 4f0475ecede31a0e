package io.kameng.it.order;

import static io.kameng.it.ShopApi.json;
import static io.kameng.it.TestData.concurrently;
import static io.kameng.it.TestData.product;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /shop/api/v1/orders}: a buyer places an order at the server's price; wrong input is
 * refused field by field with nothing stored; repeated and concurrent requests make one order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderSubmissionIT {

  private final ShopApi zh = new ShopApi("zh-CN,zh;q=0.9");
  private final ShopApi en = new ShopApi("en-GB,en;q=0.9");

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class, TestOrders.class, TestFixtures.class, ShopApi.class, TestData.class);
  }

  @Test
  void anOrderIsPricedByTheServerAndWaitsForPaymentWithItsDeadline() {
    long card = product("card", true);

    HttpResponse<String> response =
        zh.postJson(
            "/orders",
            """
            {"productId": %d, "quantity": 2, "price": "0.01", "amount": "0.02",
             "input": {"deliveryContact": "  buyer@example.com "}}"""
                .formatted(card));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject order = json(response);
    String orderNo = order.getString("orderNo");
    assertThat(orderNo).matches("\\d{18}");
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/shop/api/v1/orders/" + orderNo));
    assertThat(order.getString("accessToken")).hasSize(43);
    assertThat(order.getString("unitPrice")).isEqualTo("48.00");
    assertThat(order.getString("amount")).isEqualTo("96.00");
    assertThat(order.getString("currency")).isEqualTo("CNY");
    assertThat(order.getString("state")).isEqualTo("SUBMITTED");
    assertThat(order.getString("stateText")).isEqualTo("待支付");
    assertThat(order.getJsonObject("input").getString("deliveryContact"))
        .isEqualTo("buyer@example.com");
    Instant submitted = Instant.parse(order.getString("submittedAt"));
    Instant deadline = Instant.parse(order.getString("paymentDeadline"));
    assertThat(Duration.between(submitted, deadline)).isEqualTo(Duration.ofMinutes(15));
    assertThat(order.getString("owner")).isEqualTo("BUYER");
    assertThat(order.getString("ownerText")).isEqualTo("您");
    assertThat(order.getString("expectedAt")).isEqualTo(order.getString("paymentDeadline"));
    JsonObject first = order.getJsonArray("progress").getJsonObject(0);
    assertThat(first.getString("label")).isEqualTo("已提交");
    assertThat(first.getString("status")).isEqualTo("CURRENT");
    assertThat(first.getString("expectedBy")).isEqualTo(order.getString("paymentDeadline"));
    assertThat(order.getJsonObject("actions").getBoolean("cancel")).isTrue();
    assertThat(countOrders(card)).isEqualTo(1);
  }

  @Test
  void wrongInputIsRefusedFieldByFieldInTheBuyersLanguageAndNothingIsStored() {
    long game = product("game", true);
    String body =
        """
        {"productId": %d, "quantity": 11,
         "input": {"gameServer": "不存在的服", "roleId": "<b>1</b>", "colour": "red"}}"""
            .formatted(game);

    HttpResponse<String> chinese = zh.postJson("/orders", body);
    HttpResponse<String> english = en.postJson("/orders", body);

    assertThat(chinese.statusCode()).isEqualTo(422);
    assertThat(chinese.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(errors(chinese))
        .containsExactly(
            "quantity/outOfRange/数量须在 1 到 10 之间。",
            "gameAccount/required/请填写游戏账号。",
            "gameServer/unknownServer/区服：请从该商品的区服中选择。",
            "roleId/malformed/角色 ID格式不正确。",
            "colour/notExpected/该商品不需要字段“colour”。");
    assertThat(json(chinese).getJsonArray("errors").getJsonObject(1).getString("pointer"))
        .isEqualTo("/input/gameAccount");
    assertThat(errors(english))
        .contains(
            "quantity/outOfRange/Quantity must be between 1 and 10.",
            "gameAccount/required/Game account is required.");
    assertThat(countOrders(game)).isZero();
  }

  @Test
  void unknownDelistedAndUnreadableRequestsGetAClear4xxAndNothingIsStored() {
    long delisted = product("card", false);
    long card = product("card", true);
    String keys = countRequestKeys();

    assertThat(errors(zh.postJson("/orders", "{\"productId\": 999999999, \"input\": {}}")))
        .containsExactly("productId/unknownProduct/没有这个商品。");
    HttpResponse<String> offSale =
        zh.postJson(
            "/orders",
            "{\"productId\": %d, \"input\": {\"deliveryContact\": \"a@b.cn\"}}"
                .formatted(delisted));
    assertThat(offSale.statusCode()).isEqualTo(422);
    assertThat(errors(offSale)).containsExactly("productId/notOnSale/该商品暂未销售。");

    HttpResponse<String> wrongTypes =
        en.postJson(
            "/orders",
            "{\"productId\": \"%d\", \"quantity\": 1.5, \"input\": {\"deliveryContact\": 5}}"
                .formatted(card));
    assertThat(wrongTypes.statusCode()).isEqualTo(400);
    assertThat(errors(wrongTypes))
        .extracting(e -> e.substring(0, e.lastIndexOf('/')))
        .containsExactly("productId/wrongType", "quantity/wrongType", "deliveryContact/wrongType");
    assertThat(errors(en.postJson("/orders", "{\"productId\": 1, \"input\": [\"x\"]}")))
        .extracting(e -> e.substring(0, e.lastIndexOf('/')))
        .containsExactly("input/wrongType");
    assertThat(errors(en.postJson("/orders", "{\"quantity\": 1}")))
        .extracting(e -> e.substring(0, e.lastIndexOf('/')))
        .containsExactly("productId/required");

    for (String notJson : List.of("", "productId=1", "{\"productId\": 1", "[1, 2]", "\"text\"")) {
      HttpResponse<String> response = en.postJson("/orders", notJson);
      assertThat(response.statusCode()).as(notJson).isEqualTo(400);
      assertThat(json(response).getString("title")).isEqualTo("The request is not JSON");
    }
    String huge =
        "{\"productId\": %d, \"input\": {\"deliveryContact\": \"%s@b.cn\"}}"
            .formatted(card, "a".repeat(20_000));
    assertThat(zh.postJson("/orders", huge).statusCode()).isEqualTo(413);
    HttpResponse<String> long254 =
        zh.postJson(
            "/orders",
            "{\"productId\": %d, \"input\": {\"deliveryContact\": \"%s@b.cn\"}}"
                .formatted(card, "a".repeat(300)));
    assertThat(errors(long254)).containsExactly("deliveryContact/tooLong/接收卡密的邮箱或手机号太长。");
    HttpResponse<String> form = zh.post("/orders", "text/plain", "productId=1");
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(form.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

    assertThat(countOrders(card)).isZero();
    assertThat(countOrders(delisted)).isZero();
    assertThat(countRequestKeys()).isEqualTo(keys);
  }

  @Test
  void markupAndSqlLookingInputIsRefusedOrStoredVerbatimNeverExecuted() {
    long card = product("card", true);
    long game = product("game", true);

    HttpResponse<String> script =
        zh.postJson(
            "/orders",
            """
            {"productId": %d, "input": {"gameAccount": "<script>alert(1)</script>",
             "gameServer": "天空岛", "roleId": "1' OR '1'='1", "<img src=x>": "y"}}"""
                .formatted(game));
    assertThat(script.statusCode()).isEqualTo(422);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(errors(script))
        .extracting(e -> e.substring(0, e.indexOf('/', e.indexOf('/') + 1)))
        .containsExactly("gameAccount/malformed", "roleId/malformed", "<img src=x>/notExpected");
    assertThat(countOrders(game)).isZero();

    String sqlish = "x);DROP--TABLE_customer_order@example.com";
    HttpResponse<String> placed =
        zh.postJson(
            "/orders",
            "{\"productId\": %d, \"input\": {\"deliveryContact\": \"%s\"}}"
                .formatted(card, sqlish));
    assertThat(placed.statusCode()).isEqualTo(201);
    String orderNo = json(placed).getString("orderNo");
    assertThat(FixtureClient.create("orders", Map.of("action", "storedInput", "orderNo", orderNo)))
        .isEqualTo("{\"deliveryContact\":\"" + sqlish + "\"}");
    assertThat(countOrders(card)).isEqualTo(1);
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameOrderAndRefusesADifferentRequest() {
    long card = product("card", true);
    String key = UUID.randomUUID().toString();
    String body = "{\"productId\": %d, \"input\": {\"deliveryContact\": \"k@example.com\"}}";

    HttpResponse<String> first =
        zh.postJson("/orders", body.formatted(card), "Idempotency-Key", key);
    HttpResponse<String> again =
        zh.postJson("/orders", body.formatted(card), "Idempotency-Key", key);
    HttpResponse<String> other =
        zh.postJson(
            "/orders",
            "{\"productId\": %d, \"quantity\": 2, \"input\": {\"deliveryContact\": \"k@example.com\"}}"
                .formatted(card),
            "Idempotency-Key",
            key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(json(again).getString("orderNo")).isEqualTo(json(first).getString("orderNo"));
    assertThat(json(again).getString("accessToken"))
        .isEqualTo(json(first).getString("accessToken"));
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(json(other).getString("title")).isEqualTo("Idempotency-Key 已被使用");
    assertThat(countOrders(card)).isEqualTo(1);

    HttpResponse<String> badKey =
        en.postJson("/orders", body.formatted(card), "Idempotency-Key", "k".repeat(256));
    assertThat(errors(badKey))
        .containsExactly(
            "Idempotency-Key/malformed/Idempotency-Key header is not in the right format.");
  }

  @Test
  void manyBuyersOrderingAtOnceAllGetTheirOwnOrder() throws Exception {
    long card = product("card", true);
    java.util.concurrent.atomic.AtomicInteger buyer =
        new java.util.concurrent.atomic.AtomicInteger();

    // More orders than one block of ids (50), from several threads at once.
    List<HttpResponse<String>> responses =
        concurrently(
            120,
            () ->
                zh.postJson(
                    "/orders",
                    "{\"productId\": %d, \"input\": {\"deliveryContact\": \"b%d@example.com\"}}"
                        .formatted(card, buyer.incrementAndGet())));

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
    assertThat(responses.stream().map(r -> json(r).getString("orderNo")).distinct()).hasSize(120);
    assertThat(countOrders(card)).isEqualTo(120);
  }

  @Test
  void concurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
    long card = product("card", true);
    String key = UUID.randomUUID().toString();
    String body =
        "{\"productId\": %d, \"input\": {\"deliveryContact\": \"c@example.com\"}}".formatted(card);

    List<HttpResponse<String>> responses =
        concurrently(12, () -> zh.postJson("/orders", body, "Idempotency-Key", key));

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
    assertThat(responses.stream().map(r -> json(r).getString("orderNo")).distinct()).hasSize(1);
    assertThat(responses.stream().map(r -> json(r).getString("accessToken")).distinct()).hasSize(1);
    assertThat(countOrders(card)).isEqualTo(1);
  }

  @Test
  void aRepeatWithinAMinuteWhileUnpaidAnswersTheFirstOrderEvenWhenConcurrent() throws Exception {
    long phone = product("phone", true);
    String body =
        "{\"productId\": %d, \"input\": {\"mobileNumber\": \"138 0013 %04d\"}}"
            .formatted(phone, (int) (System.nanoTime() % 10_000));

    List<HttpResponse<String>> responses = concurrently(8, () -> zh.postJson("/orders", body));

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201, 200);
    assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
    assertThat(responses.stream().map(r -> json(r).getString("orderNo")).distinct()).hasSize(1);
    HttpResponse<String> repeat =
        responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    assertThat(json(repeat).containsKey("accessToken")).isFalse();
    assertThat(json(repeat).getString("notice")).contains("一分钟内已提交过完全相同的订单");
    assertThat(countOrders(phone)).isEqualTo(1);

    HttpResponse<String> created =
        responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
    String orderNo = json(created).getString("orderNo");
    zh.postJson(
        "/orders/" + orderNo + "/cancellation",
        "",
        "Order-Token",
        json(created).getString("accessToken"));
    HttpResponse<String> afterCancel = zh.postJson("/orders", body);
    assertThat(afterCancel.statusCode()).isEqualTo(201);
    assertThat(json(afterCancel).getString("orderNo")).isNotEqualTo(orderNo);
    assertThat(countOrders(phone)).isEqualTo(2);
  }

  static List<String> errors(HttpResponse<String> response) {
    return json(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field") + "/" + e.getString("code") + "/" + e.getString("message"))
        .toList();
  }

  static int countOrders(long productId) {
    return Integer.parseInt(
        FixtureClient.create(
            "orders", Map.of("action", "countOrders", "productId", Long.toString(productId))));
  }

  static String countRequestKeys() {
    return FixtureClient.create("orders", Map.of("action", "countRequestKeys"));
  }
}
