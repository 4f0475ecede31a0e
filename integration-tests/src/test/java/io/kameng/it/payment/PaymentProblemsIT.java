package io.kameng.it.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.identity.entity.Role;
import io.kameng.it.ConsoleBrowser;
import io.kameng.it.ConsoleBrowser.Page;
import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.ShopApi;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admins see the payment notices that changed nothing, and why; reviewers do not. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentProblemsIT {

  private static final String PASSWORD = "correct-horse-battery";

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(TestAccounts.class, TestFixtures.class, ShopApi.class);
  }

  @Test
  void anAdminSeesAForgedNoticeWithItsReferenceAndAReviewerIsTurnedAway() throws Exception {
    String reference =
        "209901019" + String.format("%09d", System.nanoTime() % 1_000_000_000L) + "P1";
    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ShopApi.base() + "/payments/notify/sandbox"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "out_trade_no="
                                + reference
                                + "&total_amount=9.99&trade_status=TRADE_SUCCESS&sign=Zm9yZ2Vk"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.body()).isEqualTo("failure");
    String admin = TestAccounts.create("admin", Role.ADMIN, PASSWORD);
    String reviewer = TestAccounts.create("reviewer", Role.REVIEWER, PASSWORD);
    String base = KamengTestEnvironment.stack().server().httpUrl();

    ConsoleBrowser adminBrowser = new ConsoleBrowser(base, null);
    Page home = adminBrowser.signIn("admin", admin, PASSWORD);
    assertThat(home.body()).contains("支付异常");
    Page problems = adminBrowser.get("/admin/payments/problems.xhtml");

    assertThat(problems.status()).isEqualTo(200);
    assertThat(problems.body())
        .contains(reference)
        .contains("签名无效")
        .contains("9.99")
        .doesNotContain("Zm9yZ2Vk");

    ConsoleBrowser reviewerBrowser = new ConsoleBrowser(base, null);
    reviewerBrowser.signIn("admin", reviewer, PASSWORD);
    Page refused = reviewerBrowser.get("/admin/payments/problems.xhtml");
    assertThat(refused.status()).isEqualTo(403);
  }
}
