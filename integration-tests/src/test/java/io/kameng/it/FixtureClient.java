package io.kameng.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The client side of the test WAR's fixture servlets ({@code /kameng-tests/...}): posts a form,
 * insists on 201 Created, and answers the body.
 */
public final class FixtureClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FixtureClient() {}

  public static String create(String fixture, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI uri =
        URI.create(KamengTestEnvironment.stack().server().httpUrl() + "/kameng-tests/" + fixture);
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "Fixture " + fixture + " failed: " + response.statusCode() + " " + response.body());
      }
      return response.body().trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
