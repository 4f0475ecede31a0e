package io.kameng.it.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestProducts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /shop/api/v1/products}: what a storefront needs to show products and their forms. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductsApiIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(TestProducts.class, TestFixtures.class);
  }

  @Test
  void theListShowsListedProductsWithTheirOrderFormsButNotDelistedOnes() throws Exception {
    String name = Long.toString(System.nanoTime(), 36);
    long game = addProduct("game", name, true);
    long delisted = addProduct("card", name, false);

    HttpResponse<String> response = get("/shop/api/v1/products", "zh-CN");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonObject gameView = product(json(response), game);
    assertThat(gameView.getString("name")).isEqualTo("游戏 " + name);
    assertThat(gameView.getString("price")).isEqualTo("5.80");
    assertThat(gameView.getString("currency")).isEqualTo("CNY");
    assertThat(gameView.getJsonObject("quantity").getInt("max")).isEqualTo(10);
    assertThat(gameView.getJsonArray("fields").getValuesAs(JsonObject.class))
        .extracting(f -> f.getString("name"), f -> f.getString("label"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gameAccount", "游戏账号"),
            org.assertj.core.groups.Tuple.tuple("gameServer", "区服"),
            org.assertj.core.groups.Tuple.tuple("roleId", "角色 ID"));
    assertThat(gameView.getJsonArray("fields").getJsonObject(1).getJsonArray("options"))
        .extracting(v -> ((jakarta.json.JsonString) v).getString())
        .containsExactly("天空岛", "世界树");
    assertThat(product(json(response), delisted)).isNull();
  }

  @Test
  void oneProductIsShownInEnglishToAnEnglishBrowserWithItsCarrier() throws Exception {
    String name = Long.toString(System.nanoTime(), 36);
    long phone = addProduct("phone", name, true);

    HttpResponse<String> response = get("/shop/api/v1/products/" + phone, "en-US,en;q=0.8");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject view = json(response);
    assertThat(view.getString("name")).isEqualTo("Top-up " + name);
    assertThat(view.getString("carrier")).isEqualTo("CHINA_MOBILE");
    assertThat(view.getJsonArray("fields").getJsonObject(0).getString("label"))
        .isEqualTo("Mobile number");
    assertThat(view.getJsonArray("fields").getJsonObject(0).getInt("maxLength")).isEqualTo(11);
  }

  @Test
  void aDelistedProductIsStillShownByIdAsNotListed() throws Exception {
    long delisted = addProduct("card", Long.toString(System.nanoTime(), 36), false);

    JsonObject view = json(get("/shop/api/v1/products/" + delisted, null));

    assertThat(view.getBoolean("listed")).isFalse();
  }

  @Test
  void anUnknownProductIsAProblemDetailNotAnErrorPage() throws Exception {
    for (String id : new String[] {"999999999", "not-a-number"}) {
      HttpResponse<String> response = get("/shop/api/v1/products/" + id, "zh-CN");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      JsonObject problem = json(response);
      assertThat(problem.getInt("status")).isEqualTo(404);
      assertThat(problem.getString("title")).isEqualTo("未找到");
      assertThat(problem.getString("detail")).isEqualTo("商品 " + id + " 不存在。");
    }
  }

  @Test
  void anyApiErrorIsAProblemDetailInTheBuyersLanguage() throws Exception {
    HttpResponse<String> unknownPath = get("/shop/api/v1/no-such-thing", "en");
    HttpResponse<String> wrongMethod =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/shop/api/v1/products"))
                .header("Accept-Language", "zh-CN")
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertThat(json(unknownPath).getString("title")).isEqualTo("Not found");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(wrongMethod).getString("title")).isEqualTo("不支持该方法");
  }

  private static JsonObject product(JsonObject list, long id) {
    return list.getJsonArray("products").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElse(null);
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private HttpResponse<String> get(String path, String language) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long addProduct(String kind, String name, boolean listed) {
    return Long.parseLong(
        FixtureClient.create(
            "products", Map.of("kind", kind, "name", name, "listed", Boolean.toString(listed))));
  }

  private static String base() {
    return KamengTestEnvironment.stack().server().httpUrl();
  }
}
