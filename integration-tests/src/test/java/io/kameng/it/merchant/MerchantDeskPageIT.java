package io.kameng.it.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.Browser;
import io.kameng.it.ConsoleBrowser;
import io.kameng.it.FixtureClient;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The merchant portal in a real browser: a merchant signs in, goes online, claims an order from the
 * grab pool, accepts it and delivers it with a text the buyer then reads; the admin sees the
 * merchant on the merchants page. A merchant uploads its card keys as a CSV file on its stock page,
 * warned on its desk while the stock is empty.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MerchantDeskPageIT {

  private static final String PASSWORD = "merchant-page-1";

  private ChromeDriver browser;

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        TestData.class,
        ShopApi.class);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aMerchantClaimsAcceptsAndDeliversOnItsDeskAndTheBuyerReadsIt() {
    String merchant = TestAccounts.create("desk", Role.MERCHANT, PASSWORD);
    // Orders other tests left in the grab pool go to the exception pool: the desk shows ours.
    Paying.advance(31 * 60);
    while (!FixtureClient.create("orders", Map.of("action", "merchantDeadlines")).equals("0")) {
      // every due batch
    }
    Placed order =
        Paying.place(
            TestData.product("card", true),
            1,
            "{\"deliveryContact\": \"desk" + System.nanoTime() + "@example.com\"}");
    FixtureClient.create(
        "orders", Map.of("action", "drive", "orderNo", order.orderNo(), "step", "pay"));
    FixtureClient.create("orders", Map.of("action", "dispatchOne", "orderNo", order.orderNo()));
    Paying.await(() -> Paying.events(Paying.follow(order)).contains("OFFERED_TO_POOL"));

    browser = Browser.open("zh-CN");
    signIn(merchant);
    assertThat(browser.findElement(By.id("online")).getText()).isEqualTo("离线");

    browser.findElement(By.id("presence:go-online")).click();
    waitFor().until(d -> d.findElement(By.id("online")).getText().equals("在线"));

    pooled(order).findElement(By.cssSelector("input[type='submit']")).click();
    waitFor().until(d -> !d.findElements(held(order)).isEmpty());
    assertThat(browser.findElement(held(order)).findElement(By.className("step")).getText())
        .isEqualTo("已抢单，待确认");
    assertThat(browser.findElement(held(order)).getText()).contains("desk", "@example.com");

    browser.findElement(held(order)).findElement(By.cssSelector("input[id$=':accept']")).click();
    waitFor()
        .until(
            d ->
                d.findElement(held(order))
                    .findElement(By.className("step"))
                    .getText()
                    .equals("已接单，待交付"));

    browser
        .findElement(held(order))
        .findElement(By.tagName("textarea"))
        .sendKeys("卡号 6217 0001 密码 2468");
    browser.findElement(held(order)).findElement(By.cssSelector("input[id$=':fulfil']")).click();
    waitFor().until(d -> d.findElements(held(order)).isEmpty());
    assertThat(browser.findElement(By.className("messages")).getText()).contains(order.orderNo());

    JsonObject done = Paying.follow(order);
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getString("delivery")).isEqualTo("卡号 6217 0001 密码 2468");

    browser.get(url("/shop/order/view.xhtml?no=" + order.orderNo() + "&token=" + order.token()));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("merchant-delivery")));
    assertThat(browser.findElement(By.id("merchant-delivery")).getText())
        .isEqualTo("卡号 6217 0001 密码 2468");

    String admin = TestAccounts.create("admin", Role.ADMIN, PASSWORD);
    ConsoleBrowser console =
        new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), "zh-CN");
    console.signIn("admin", admin, PASSWORD);
    ConsoleBrowser.Page merchants = console.get("/admin/merchants/list.xhtml");
    assertThat(merchants.status()).isEqualTo(200);
    assertThat(merchants.body()).contains("data-merchant=\"" + merchant + "\"");
  }

  @Test
  void aMerchantUploadsItsCardKeysAsAFileAndSeesTheStock() throws Exception {
    String merchant = TestAccounts.create("stocker", Role.MERCHANT, PASSWORD);
    long product = TestData.merchantProduct("stocked-card", merchant);
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "keys", ".csv");
    StringBuilder keys = new StringBuilder("\uFEFFcode\n");
    for (int i = 0; i < 6; i++) {
      keys.append("FILE-").append(run).append('-').append(i).append('\n');
    }
    keys.append("x\n"); // too short: rejected
    Files.writeString(file, keys);

    browser = Browser.open("zh-CN");
    signIn(merchant);
    assertThat(browser.findElement(By.id("low-stock")).getText())
        .as("a product without keys: the desk says restock")
        .contains("剩余 0 张");
    browser.findElement(By.id("restock")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("import:file")));
    assertThat(
            browser
                .findElement(By.cssSelector("span.available[data-product='" + product + "']"))
                .getText())
        .isEqualTo("0");

    browser.findElement(By.id("import:file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("import:acceptValid")).click();
    browser.findElement(By.id("import:submit")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("report")));

    assertThat(browser.findElement(By.id("report")).getText()).contains("共 7 行，已导入 6 个；1 行被拒。");
    assertThat(browser.findElement(By.id("rejected")).getText()).contains("8");
    assertThat(
            browser
                .findElement(By.cssSelector("span.available[data-product='" + product + "']"))
                .getText())
        .isEqualTo("6");
    Files.delete(file);
  }

  private void signIn(String merchant) {
    browser.get(url("/merchant/"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    browser.findElement(By.id("login:username")).sendKeys(merchant);
    browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login:submit")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("desk-status")));
  }

  private WebElement pooled(Placed order) {
    By row = By.cssSelector("tr.pool-order[data-order='" + order.orderNo() + "']");
    waitFor().until(ExpectedConditions.presenceOfElementLocated(row));
    return browser.findElement(row);
  }

  private static By held(Placed order) {
    return By.cssSelector("article.held-order[data-order='" + order.orderNo() + "']");
  }

  /** Waits across the desk's page reloads: an element read while the page is replaced is stale. */
  private FluentWait<WebDriver> waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class);
  }

  private static String url(String path) {
    return KamengTestEnvironment.stack().server().httpUrl() + path;
  }
}
