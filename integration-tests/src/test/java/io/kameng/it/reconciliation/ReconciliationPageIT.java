package io.kameng.it.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.Browser;
import io.kameng.it.ConsoleBrowser;
import io.kameng.it.ConsoleBrowser.Page;
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
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reconciliation page in a real browser: an admin starts the payment reconciliation of the day
 * on which the sandbox took a payment whose bill line shows a wrong fee, sees the run complete (the
 * page refreshes itself while it runs), is refused a second start of the day, filters the
 * differences by kind, is told a note is required, resolves the fee difference with a note, and
 * downloads the day as CSV; a reviewer gets 403 on the page and the download.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReconciliationPageIT {

  private static final String PASSWORD = "reconcile-2026";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The refusals as the Chinese bundle words them. */
  private static final String RUNNING = "该日期的对账正在进行";

  private static final String DONE = "该日期已对账完成";
  private static final String NOTE_REQUIRED = "请填写 1 至 500 个字符的备注";

  private ChromeDriver browser;
  private String faultScope;

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        ShopApi.class,
        TestData.class);
  }

  @AfterEach
  void cleanUp() throws Exception {
    Paying.sandbox("DELETE", "/api/gateway/clock", null);
    if (faultScope != null) {
      Paying.sandbox(
          "POST",
          "/api/gateway/faults",
          "{\"scope\": \"%s\", \"bill\": \"NONE\"}".formatted(faultScope));
    }
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAdminReconcilesTheDayAndResolvesTheFeeDifferenceAndAReviewerIsTurnedAway()
      throws Exception {
    Placed order = Paying.place();
    faultScope = order.reference(1);
    HttpResponse<String> fault =
        Paying.sandbox(
            "POST",
            "/api/gateway/faults",
            "{\"scope\": \"%s\", \"bill\": \"WRONG_FEE\"}".formatted(faultScope));
    assertThat(fault.statusCode()).as(fault.body()).isEqualTo(204);
    Paying.pay(Paying.startPayment(order));
    Paying.awaitPaid(order);
    Instant paidAt = sandboxNow();
    LocalDate day = LocalDate.ofInstant(paidAt, CHINA);
    Instant billReady = day.plusDays(1).atTime(LocalTime.of(3, 0)).atZone(CHINA).toInstant();
    Paying.advanceGateway(Duration.between(paidAt, billReady).toSeconds());

    String admin = TestAccounts.create("rc", Role.ADMIN, PASSWORD);
    browser = Browser.open("zh-CN");
    signIn(admin);
    browser.get(url("/admin/reconciliation/runs.xhtml"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("start:submit")));
    // Re-run ticked: the stack's database outlives a run of the tests, the day may be done already.
    start(day, true);
    waitFor()
        .until(
            d ->
                d.findElements(By.cssSelector("#messages li.info")).stream()
                    .anyMatch(m -> m.getText().contains(day.toString())));

    // Started again right away: refused, as running (or as done when it was that quick).
    start(day, false);
    waitFor().until(d -> !d.findElements(By.cssSelector("#messages li.error")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#messages li.error")).getText())
        .containsAnyOf(RUNNING, DONE);

    browser.get(url("/admin/reconciliation/runs.xhtml"));
    By run = By.cssSelector("tr.run[data-day='" + day + "'][data-kind='PAYMENT'][data-partner]");
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !"RUNNING".equals(d.findElement(run).getAttribute("data-state")));
    WebElement row = browser.findElement(run);
    assertThat(row.getAttribute("data-state"))
        .as("the run ended: %s", row.getText())
        .isEqualTo("COMPLETED");
    assertThat(row.findElement(By.className("started-by")).getText()).isEqualTo(admin);
    assertThat(row.findElement(By.className("failure")).getText()).isEmpty();

    // Completed: refused without re-run.
    start(day, false);
    waitFor().until(d -> !d.findElements(By.cssSelector("#messages li.error")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#messages li.error")).getText()).contains(DONE);

    // The run's money and file.
    browser.findElement(run).findElement(By.cssSelector("a[id$='select']")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("run-summary")));
    assertThat(browser.findElement(By.cssSelector("#run-summary .file-sha256")).getText())
        .matches("[0-9a-f]{64}");
    assertThat(browser.findElements(By.cssSelector("#run-summary dd.balanced"))).hasSize(1);

    // The home page warns of the open differences.
    browser.get(url("/admin/"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("reconciliation")));
    assertThat(browser.findElements(By.id("differences-open"))).hasSize(1);
    browser.findElement(By.id("reconciliation")).click();

    // Filtered by kind and day: only fee differences, ours among them.
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("filters:apply")));
    new Select(browser.findElement(By.id("filters:kind"))).selectByValue("FEE_MISMATCH");
    browser.findElement(By.id("filters:day")).clear();
    browser.findElement(By.id("filters:day")).sendKeys(day.toString());
    browser.findElement(By.id("filters:apply")).click();
    By ours = By.cssSelector("tr.difference[data-order='" + order.orderNo() + "']");
    waitFor().until(ExpectedConditions.presenceOfElementLocated(ours));
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.difference"));
    assertThat(rows).allMatch(r -> "FEE_MISMATCH".equals(r.getAttribute("data-kind")));
    WebElement difference = browser.findElement(ours);
    assertThat(difference.getAttribute("data-state")).isEqualTo("OPEN");
    assertThat(difference.findElement(By.className("kind")).getText()).isEqualTo("手续费不符");
    assertThat(browser.getCurrentUrl()).contains("kind=FEE_MISMATCH").contains("day=" + day);

    // Resolved without a note: refused next to the note.
    difference.findElement(By.cssSelector("input[id$=':resolve:submit']")).click();
    waitFor()
        .until(
            d ->
                !d.findElement(ours)
                    .findElements(By.cssSelector("span.refusal[data-field='note']"))
                    .isEmpty());
    assertThat(
            browser
                .findElement(ours)
                .findElement(By.cssSelector("span.refusal[data-field='note']"))
                .getText())
        .contains(NOTE_REQUIRED);
    assertThat(browser.findElement(ours).getAttribute("data-state")).isEqualTo("OPEN");

    browser
        .findElement(ours)
        .findElement(By.cssSelector("textarea[id$=':resolve:note']"))
        .sendKeys("网关手续费多收 0.01，已与网关确认");
    browser.findElement(ours).findElement(By.cssSelector("input[id$=':resolve:submit']")).click();
    waitFor().until(d -> "RESOLVED".equals(d.findElement(ours).getAttribute("data-state")));
    String resolution = browser.findElement(ours).findElement(By.className("resolution")).getText();
    assertThat(resolution).contains(admin).contains("网关手续费多收 0.01");

    // The day as CSV: UTF-8 with a byte order mark, our difference in it.
    String base = KamengTestEnvironment.stack().server().httpUrl();
    ConsoleBrowser adminHttp = new ConsoleBrowser(base, null);
    adminHttp.signIn("admin", admin, PASSWORD);
    Page csv = adminHttp.get("/admin/reconciliation/differences.csv?day=" + day);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFF").contains(order.orderNo());

    String reviewer = TestAccounts.create("rr", Role.REVIEWER, PASSWORD);
    ConsoleBrowser reviewerHttp = new ConsoleBrowser(base, null);
    reviewerHttp.signIn("admin", reviewer, PASSWORD);
    assertThat(reviewerHttp.get("/admin/reconciliation/runs.xhtml").status()).isEqualTo(403);
    assertThat(reviewerHttp.get("/admin/reconciliation/differences.csv?day=" + day).status())
        .isEqualTo(403);
  }

  /** Fills in and submits the start form: the payment gateway's bill of {@code day}. */
  private void start(LocalDate day, boolean rerun) {
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("start:submit")));
    new Select(browser.findElement(By.id("start:kind"))).selectByValue("PAYMENT");
    WebElement field = browser.findElement(By.id("start:day"));
    field.clear();
    field.sendKeys(day.toString());
    WebElement again = browser.findElement(By.id("start:rerun"));
    if (again.isSelected() != rerun) {
      again.click();
    }
    browser.findElement(By.id("start:submit")).click();
  }

  private static Instant sandboxNow() throws Exception {
    HttpResponse<String> answer =
        Paying.sandbox("POST", "/api/gateway/clock", "{\"advanceSeconds\": 0}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject now = Json.createReader(new StringReader(answer.body())).readObject();
    return Instant.parse(now.getString("now"));
  }

  private void signIn(String username) {
    browser.get(url("/admin/"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login:submit")).click();
    waitFor().until(d -> d.findElements(By.id("login:username")).isEmpty());
  }

  private FluentWait<WebDriver> waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class);
  }

  private static String url(String path) {
    return KamengTestEnvironment.stack().server().httpUrl() + path;
  }
}
