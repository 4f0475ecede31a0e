package io.kameng.it.escalation;

import static io.kameng.it.escalation.Ladder.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.Browser;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
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
import java.time.Duration;
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
 * The staff pages of the admin console in a real browser: a reviewer works the review queue (and
 * may not open the exception pool); an admin claims a late order in the exception pool, is told
 * field by field what is wrong with a hold, holds it, then refunds it; an admin changes a ladder
 * setting, a wrong value refused next to its field, the change in the history.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffPagesIT {

  private static final String PASSWORD = "staff-page-2026";

  private ChromeDriver browser;

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
  void closeBrowser() {
    resetSettings();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReviewerClaimsAndApprovesAnOrderOnTheReviewQueue() throws Exception {
    long product = stockedProduct(1);
    TestStaffDesk.act("chief:ADMIN", "settings", "s.risk-products", Long.toString(product));
    Placed order = Paying.place(product, 1);
    Paying.pay(Paying.startPayment(order));
    Paying.awaitState(order, "IN_REVIEW");
    String reviewer = TestAccounts.create("rv", Role.REVIEWER, PASSWORD);

    browser = Browser.open("zh-CN");
    signIn(reviewer);
    browser.get(url("/admin/review/queue.xhtml"));
    WebElement row = row("review-order", order);
    assertThat(row.findElement(By.cssSelector("span.rule")).getAttribute("data-rule"))
        .isEqualTo("HIGH_RISK_PRODUCT");
    row.findElement(By.cssSelector("input[id$=':claim:claim']")).click();
    By mine = claimed(order);
    waitFor().until(ExpectedConditions.presenceOfElementLocated(mine));
    browser
        .findElement(mine)
        .findElement(By.cssSelector("textarea[id$=':approve:note']"))
        .sendKeys("回头客");
    browser.findElement(mine).findElement(By.cssSelector("input[id$=':approve:approve']")).click();
    waitFor().until(d -> d.findElements(claimed(order)).isEmpty());
    assertThat(Paying.awaitState(order, "COMPLETED").getJsonArray("cardKeys")).hasSize(1);

    browser.get(url("/admin/exceptions/pool.xhtml"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("forbidden")));
    assertThat(browser.findElements(By.id("pool-orders")))
        .as("reviewers do not see the pool")
        .isEmpty();
  }

  @Test
  void anAdminHoldsThenRefundsALateOrderInTheExceptionPool() throws Exception {
    Placed order = stuckOrder();
    intoThePool(order);
    String admin = TestAccounts.create("ad", Role.ADMIN, PASSWORD);

    browser = Browser.open("zh-CN");
    signIn(admin);
    browser.get(url("/admin/exceptions/pool.xhtml"));
    WebElement row = row("pool-order", order);
    assertThat(row.findElement(By.className("stuck-reason")).getAttribute("data-reason"))
        .isEqualTo("OUT_OF_STOCK");
    assertThat(row.findElement(By.className("voucher")).getText()).contains("2.40");
    row.findElement(By.cssSelector("input[id$=':claim:claim']")).click();
    By mine = claimed(order);
    waitFor().until(ExpectedConditions.presenceOfElementLocated(mine));

    browser.findElement(mine).findElement(By.cssSelector("input[id$=':hold:hours']")).sendKeys("2");
    browser.findElement(mine).findElement(By.cssSelector("input[id$=':hold:hold']")).click();
    waitFor()
        .until(
            d ->
                !d.findElement(claimed(order))
                    .findElements(By.cssSelector("span.refusal[data-field='hold-reason']"))
                    .isEmpty());
    assertThat(ladderOf(order)).as("nothing held without a reason").endsWith("unheld");

    browser
        .findElement(mine)
        .findElement(By.cssSelector("textarea[id$=':hold:reason']"))
        .sendKeys("供货商承诺两小时内补货");
    WebElement hours =
        browser.findElement(mine).findElement(By.cssSelector("input[id$=':hold:hours']"));
    hours.clear();
    hours.sendKeys("2");
    browser.findElement(mine).findElement(By.cssSelector("input[id$=':hold:hold']")).click();
    waitFor().until(d -> ladderOf(order).endsWith(" held"));
    assertThat(Paying.events(Paying.follow(order))).contains("HELD");

    browser.get(url("/admin/exceptions/pool.xhtml"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(mine));
    browser
        .findElement(mine)
        .findElement(By.cssSelector("textarea[id$=':refund:reason']"))
        .sendKeys("买家来电要求退款");
    browser.findElement(mine).findElement(By.cssSelector("input[id$=':refund:refund']")).click();
    Paying.awaitState(order, "REFUNDING");
  }

  @Test
  void anAdminChangesALadderSettingAndSeesItInTheHistory() {
    String admin = TestAccounts.create("st", Role.ADMIN, PASSWORD);
    browser = Browser.open("zh-CN");
    signIn(admin);
    browser.get(url("/admin/settings/ladder.xhtml"));
    WebElement delay = browser.findElement(By.id("settings:delay-notice-minutes"));
    delay.clear();
    delay.sendKeys("abc");
    browser.findElement(By.id("settings:save")).click();
    waitFor()
        .until(
            d ->
                !d.findElement(By.id("settings:delay-notice-minutes-refused")).getText().isBlank());

    delay = browser.findElement(By.id("settings:delay-notice-minutes"));
    delay.clear();
    delay.sendKeys("45");
    browser.findElement(By.id("settings:save")).click();
    waitFor()
        .until(
            d ->
                d
                    .findElements(
                        By.cssSelector("tr.setting-change[data-setting='delay-notice-minutes']"))
                    .stream()
                    .anyMatch(r -> r.getText().contains(admin) && r.getText().contains("45")));
    assertThat(TestStaffDesk.act("chief:ADMIN", "settingHistory"))
        .startsWith("delay-notice-minutes:60->45:" + admin);
  }

  private void signIn(String username) {
    browser.get(url("/admin/"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login:submit")).click();
    waitFor().until(d -> d.findElements(By.id("login:username")).isEmpty());
  }

  private WebElement row(String kind, Placed order) {
    By row = By.cssSelector("tr." + kind + "[data-order='" + order.orderNo() + "']");
    waitFor().until(ExpectedConditions.presenceOfElementLocated(row));
    return browser.findElement(row);
  }

  private static By claimed(Placed order) {
    return By.cssSelector("article.claimed-order[data-order='" + order.orderNo() + "']");
  }

  private FluentWait<WebDriver> waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class);
  }

  private static String url(String path) {
    return KamengTestEnvironment.stack().server().httpUrl() + path;
  }
}
