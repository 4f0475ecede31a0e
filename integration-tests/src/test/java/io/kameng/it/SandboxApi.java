package io.kameng.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The partner sandbox's HTTP API as tests call it: JSON in, the answer as it comes. */
public final class SandboxApi {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SandboxApi() {}

  /**
   * Sends {@code json} (or nothing) to {@code path} under {@code /sandbox}, e.g. {@code /api/…}.
   */
  public static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(KamengTestEnvironment.stack().sandbox().url() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
