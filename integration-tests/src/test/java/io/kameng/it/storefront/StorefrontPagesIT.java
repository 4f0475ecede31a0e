package io.kameng.it.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.Browser;
import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The storefront pages in a real browser: a buyer finds a product, fills in the form (checked as
 * they type), places the order, and follows it on the order page as it moves on by itself; finds it
 * again with number and token; corrects and cancels it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorefrontPagesIT {

  private ChromeDriver browser;

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class, TestOrders.class, TestFixtures.class, ShopApi.class);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aBuyerOrdersThroughThePagesAndSeesTheOrderMoveOnWithoutReloading() {
    String name = Long.toString(System.nanoTime(), 36);
    FixtureClient.create("products", Map.of("kind", "card", "name", name));
    browser = Browser.open("zh-CN");

    browser.get(shop("/"));
    // Found in the DOM by its name (the list grows with every test run).
    WebElement product =
        browser.findElement(
            By.xpath(
                "//li[contains(@class, 'product')][span[@class = 'name' and text() = '卡密 "
                    + name
                    + "']]"));
    assertThat(product.findElement(By.className("price")).getAttribute("textContent"))
        .isEqualTo("¥48.00");
    product.findElement(By.linkText("购买")).click();
    waitFor()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[data-field='deliveryContact']")));

    WebElement contact = field("deliveryContact");
    contact.sendKeys("not-an-address");
    field("quantity").click();
    assertThat(errorFor("deliveryContact")).isEqualTo("接收卡密的邮箱或手机号格式不正确。");
    contact.clear();
    contact.sendKeys("buyer@example.com");
    WebElement quantity = field("quantity");
    quantity.clear();
    quantity.sendKeys("2");
    assertThat(errorFor("deliveryContact")).isEmpty();
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("¥96.00");
    browser.findElement(By.cssSelector("input[type=submit][value='提交订单']")).click();

    waitFor().until(ExpectedConditions.urlContains("/order/view.xhtml"));
    String orderNo = browser.findElement(By.id("order-no")).getText();
    assertThat(orderNo).matches("\\d{18}");
    assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("待支付");
    assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("¥96.00");
    assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo("您");
    assertThat(nodes()).containsExactly("已提交", "已支付", "校验中", "发货中", "已完成");
    assertThat(node("SUBMITTED").getAttribute("class")).contains("current");
    assertThat(node("SUBMITTED").getText()).contains("预计");
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("订单已提交");

    // Paid and parked by a risk rule: a state no scan moves on, so the page can be read at rest.
    FixtureClient.create(
        "orders", Map.of("action", "drive", "orderNo", orderNo, "step", "pay,verify,review"));
    waitFor(Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("state")).getText().equals("审核中"));
    assertThat(node("IN_REVIEW").getAttribute("class")).contains("current");
    assertThat(node("PAID").getAttribute("class")).contains("done");
    assertThat(node("SUBMITTED").getAttribute("class")).contains("done");
    assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo("平台审核团队");
    assertThat(browser.findElements(By.id("cancel-order"))).isEmpty();
  }

  @Test
  void aBuyerFindsTheOrderByNumberAndTokenCorrectsItThenCancelsIt() {
    long card =
        Long.parseLong(
            FixtureClient.create(
                "products", Map.of("kind", "card", "name", Long.toString(System.nanoTime(), 36))));
    HttpResponse<String> placed =
        new ShopApi("zh-CN")
            .postJson(
                "/orders",
                "{\"productId\": %d, \"input\": {\"deliveryContact\": \"tom&jerry@example.com\"}}"
                    .formatted(card));
    JsonObject order = ShopApi.json(placed);
    browser = Browser.open("zh-CN");

    browser.get(shop("/order/lookup.xhtml"));
    browser.findElement(By.id("lookup:no")).sendKeys(order.getString("orderNo"));
    browser.findElement(By.id("lookup:token")).sendKeys("wrong-token");
    browser.findElement(By.id("lookup:find")).click();
    waitFor().until(ExpectedConditions.urlContains("/order/view.xhtml"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("未找到订单");

    browser.get(shop("/order/lookup.xhtml"));
    browser.findElement(By.id("lookup:no")).sendKeys(order.getString("orderNo"));
    browser.findElement(By.id("lookup:token")).sendKeys(order.getString("accessToken"));
    browser.findElement(By.id("lookup:find")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("order-no")));
    assertThat(browser.findElement(By.id("order-no")).getText())
        .isEqualTo(order.getString("orderNo"));
    assertThat(shownInput("deliveryContact")).isEqualTo("tom&jerry@example.com");
    assertThat(browser.getPageSource()).contains("tom&amp;jerry@example.com");

    WebElement contact = field("deliveryContact");
    contact.clear();
    contact.sendKeys("139 0013 9000");
    browser.findElement(By.id("correct:save")).click();
    waitFor()
        .ignoring(StaleElementReferenceException.class)
        .until(d -> shownInput("deliveryContact").equals("13900139000"));
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("您修改了信息，平台将重新校验");

    browser.findElement(By.linkText("English")).click();
    waitFor()
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("state")).getText().equals("Awaiting payment"));
    browser.findElement(By.id("cancel:cancel-order")).click();
    browser.switchTo().alert().accept();
    waitFor()
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("state")).getText().equals("Cancelled"));
    assertThat(nodes()).containsExactly("Submitted", "Cancelled");
    assertThat(browser.findElements(By.id("correct:save"))).isEmpty();
  }

  @Test
  void aBuyerPaysOnTheGatewaysPageAndComesBackToAPaidOrder() {
    long card =
        Long.parseLong(
            FixtureClient.create(
                "products", Map.of("kind", "card", "name", Long.toString(System.nanoTime(), 36))));
    JsonObject order =
        ShopApi.json(
            new ShopApi("zh-CN")
                .postJson(
                    "/orders",
                    "{\"productId\": %d, \"input\": {\"deliveryContact\": \"p@example.com\"}}"
                        .formatted(card)));
    browser = Browser.open("zh-CN");
    browser.get(
        shop(
            "/order/view.xhtml?no="
                + order.getString("orderNo")
                + "&token="
                + order.getString("accessToken")));

    browser.findElement(By.id("pay:pay-order")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("pay")));
    assertThat(browser.getCurrentUrl()).startsWith(KamengTestEnvironment.stack().sandbox().url());
    assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("¥48.00");
    browser.findElement(By.id("pay")).click();

    waitFor().until(ExpectedConditions.urlContains("/shop/order/view.xhtml"));
    waitFor(Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        // Paid, checked and offered to the merchants (the test card has no designated merchant).
        .until(d -> d.findElement(By.id("state")).getText().equals("处理中"));
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains("已收到付款", "支付机构", "已发布到商家抢单池");
    assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo("商家");
    assertThat(browser.findElements(By.id("pay:pay-order"))).isEmpty();
  }

  private static String shop(String path) {
    return KamengTestEnvironment.stack().server().httpUrl() + "/shop" + path;
  }

  private WebElement field(String name) {
    return browser.findElement(
        By.cssSelector("input[data-field='" + name + "'], select[data-field='" + name + "']"));
  }

  private String errorFor(String name) {
    return browser.findElement(By.cssSelector("[data-error-for='" + name + "']")).getText();
  }

  private String shownInput(String name) {
    return browser
        .findElement(By.cssSelector("dd.input-value[data-field='" + name + "']"))
        .getText();
  }

  private WebElement node(String node) {
    return browser.findElement(By.cssSelector("#progress [data-node='" + node + "']"));
  }

  private List<String> nodes() {
    return browser.findElements(By.cssSelector("#progress .node .label")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private WebDriverWait waitFor() {
    return waitFor(Duration.ofSeconds(10));
  }

  private WebDriverWait waitFor(Duration timeout) {
    return new WebDriverWait(browser, timeout);
  }
}
