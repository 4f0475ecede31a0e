package io.kameng.it.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.KamengTestEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The partner sandbox runs on Payara Micro in its own process and answers over real HTTP. */
class PartnerSandboxIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theSandboxAnswersItsHealthCheck() throws Exception {
    HttpResponse<String> health = get(KamengTestEnvironment.stack().sandbox().healthUrl());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"name\":\"partner-sandbox\"")
        .contains("\"status\":\"UP\"");
  }

  @Test
  void theSandboxSaysWhichPartnersItPlays() throws Exception {
    HttpResponse<String> index = get(KamengTestEnvironment.stack().sandbox().url() + "/api");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("payment-gateway").contains("supplier");
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
