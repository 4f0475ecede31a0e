package io.kameng.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.ConsoleBrowser;
import io.kameng.it.ConsoleBrowser.Page;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestFixtures;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in to the merchant portal and the admin console, as a person at a browser does it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSignInIT {

  private static final String PASSWORD = "correct-horse-battery";

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(TestAccounts.class, TestFixtures.class);
  }

  private ConsoleBrowser browser;

  @BeforeEach
  void openBrowser() {
    browser = new ConsoleBrowser(KamengTestEnvironment.stack().server().httpUrl(), null);
  }

  @Test
  void anAnonymousVisitorIsSentToTheSignInPage() {
    for (String console : new String[] {"admin", "merchant"}) {
      Page home = browser.get("/" + console + "/");

      assertThat(home.status()).isEqualTo(302);
      assertThat(home.location()).endsWith("/" + console + "/login.xhtml");
      Page login = browser.follow(home);
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.body()).contains("登录").contains("login:password");
    }
  }

  @Test
  void anAdminSignsInAndSeesWhoIsSignedInAndThePartnerStatus() {
    String admin = TestAccounts.create("admin", Role.ADMIN, PASSWORD);

    Page home = browser.signIn("admin", admin, PASSWORD);

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.uri().getPath()).isEqualTo("/admin/");
    assertThat(home.body())
        .contains("当前登录：")
        .contains("测试 " + admin + " (" + admin + ")")
        .contains("平台管理员")
        .contains("支付网关与供货商沙箱")
        .contains("class=\"state-UP\"");
  }

  @Test
  void signingInStartsANewSessionSoAPlantedSessionIdIsWorthless() {
    String merchant = TestAccounts.create("merchant", Role.MERCHANT, PASSWORD);
    browser.get("/merchant/login.xhtml");
    String before = browser.sessionId("merchant");

    Page home = browser.signIn("merchant", merchant, PASSWORD);

    assertThat(home.status()).isEqualTo(200);
    assertThat(before).isNotNull();
    assertThat(browser.sessionId("merchant")).isNotNull().isNotEqualTo(before);
  }

  @Test
  void aMerchantIsForbiddenInTheAdminConsoleButWelcomeInTheMerchantPortal() {
    String merchant = TestAccounts.create("merchant", Role.MERCHANT, PASSWORD);

    Page adminHome = browser.signIn("admin", merchant, PASSWORD);

    assertThat(adminHome.status()).isEqualTo(403);
    assertThat(adminHome.body()).contains("无权访问");

    Page merchantHome = new ConsoleBrowser(baseUrl(), null).signIn("merchant", merchant, PASSWORD);
    assertThat(merchantHome.status()).isEqualTo(200);
    assertThat(merchantHome.body()).contains("欢迎使用卡盟商户门户").contains("(" + merchant + ")");
  }

  @Test
  void aWrongPasswordIsExplainedAndOpensNoSession() {
    String admin = TestAccounts.create("admin", Role.ADMIN, PASSWORD);

    Page answer = browser.signIn("admin", admin, "not-the-password");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.uri().getPath()).isEqualTo("/admin/login.xhtml");
    assertThat(answer.body()).contains("用户名或密码错误，请重试。");
    assertThat(browser.get("/admin/").status()).isEqualTo(302);
  }

  @Test
  void aFailedSignInIsLoggedWithTheUsernameButNeverThePassword() throws Exception {
    String merchant = TestAccounts.create("merchant", Role.MERCHANT, PASSWORD);
    String wrongPassword = "wrong-" + System.nanoTime();

    browser.signIn("merchant", merchant, wrongPassword);

    String log = Files.readString(KamengTestEnvironment.stack().server().serverLog());
    assertThat(log).contains("Sign-in failed for username '" + merchant + "'");
    assertThat(log).doesNotContain(wrongPassword);
  }

  @Test
  void aReviewerOpensTheAdminConsoleWithoutTheAdminOnlyParts() {
    String reviewer = TestAccounts.create("reviewer", Role.REVIEWER, PASSWORD);

    Page home = browser.signIn("admin", reviewer, PASSWORD);

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("(" + reviewer + ")").contains("风控审核员");
    assertThat(home.body()).doesNotContain("支付网关与供货商沙箱");
  }

  @Test
  void theLanguageSwitchTurnsTheConsoleToEnglishForTheSession() {
    Page login = browser.get("/merchant/login.xhtml");
    assertThat(login.body()).contains("登录");

    Map<String, String> switchToEnglish = new LinkedHashMap<>();
    switchToEnglish.put("language", "language");
    switchToEnglish.put("language:en", "language:en");
    Page english = browser.follow(browser.post(login, "/merchant/login.xhtml", switchToEnglish));

    assertThat(english.body()).contains("Sign in").contains("Merchant portal");
    assertThat(browser.get("/merchant/login.xhtml").body()).contains("Sign in");
  }

  @Test
  void anUnknownUsernameGetsTheSameAnswerAsAWrongPassword() {
    Page answer = browser.signIn("merchant", "nobody-" + System.nanoTime(), PASSWORD);

    assertThat(answer.body()).contains("用户名或密码错误，请重试。");
    assertThat(browser.get("/merchant/").status()).isEqualTo(302);
  }

  @Test
  void signingOutEndsTheSession() {
    String merchant = TestAccounts.create("merchant", Role.MERCHANT, PASSWORD);
    Page home = browser.signIn("merchant", merchant, PASSWORD);
    assertThat(home.status()).isEqualTo(200);

    Page afterSignOut = browser.signOut("merchant", home);

    assertThat(afterSignOut.uri().getPath()).isEqualTo("/merchant/login.xhtml");
    assertThat(afterSignOut.body()).contains("您已退出登录。");
    assertThat(browser.get("/merchant/").status()).isEqualTo(302);
  }

  @Test
  void anEnglishBrowserGetsTheConsoleInEnglish() {
    ConsoleBrowser english = new ConsoleBrowser(baseUrl(), "en-US,en;q=0.9");

    Page login = english.follow(english.get("/admin/"));
    assertThat(login.body()).contains("Sign in").contains("Admin console");

    Page answer = english.signIn("admin", "nobody-" + System.nanoTime(), PASSWORD);
    assertThat(answer.body()).contains("Wrong username or password. Please try again.");
  }

  private static String baseUrl() {
    return KamengTestEnvironment.stack().server().httpUrl();
  }
}
