package io.kameng.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators and load balancers see: readiness follows the database, liveness, metrics. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(HealthIT.class);
  }

  @Test
  void readinessIsDownWhileTheDatabaseIsStoppedAndUpWhenItIsBack() throws Exception {
    EmbeddedDatabase database = KamengTestEnvironment.stack().embeddedDatabase().orElse(null);
    Assumptions.assumeTrue(database != null, "only the embedded database can be stopped here");
    HttpResponse<String> ready = awaitReadiness(r -> r.statusCode() == 200);
    assertThat(ready.body()).contains("\"name\":\"database\"").contains("\"status\":\"UP\"");

    database.stop();
    try {
      HttpResponse<String> down = awaitReadiness(r -> r.statusCode() == 503);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"name\":\"database\"").contains("\"status\":\"DOWN\"");
    } finally {
      database.start();
    }

    HttpResponse<String> back = awaitReadiness(r -> r.statusCode() == 200);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).contains("\"status\":\"UP\"").contains("\"schema\":\"");
  }

  @Test
  void livenessIsUp() throws Exception {
    HttpResponse<String> live = get("/health/live");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"name\":\"heap\"").contains("\"status\":\"UP\"");
  }

  @Test
  void metricsAreServed() throws Exception {
    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_uptime");
  }

  private static HttpResponse<String> awaitReadiness(Predicate<HttpResponse<String>> expected)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(90);
    HttpResponse<String> response = get("/health/ready");
    while (!expected.test(response) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      response = get("/health/ready");
    }
    return response;
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(KamengTestEnvironment.stack().server().httpUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
