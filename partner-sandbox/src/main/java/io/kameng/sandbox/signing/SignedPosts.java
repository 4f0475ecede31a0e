package io.kameng.sandbox.signing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * How the sandbox partners tell the platform something (a payment notice, a recharge result): a
 * form POST, repeated on a schedule until the platform answers {@code success}. The schedule runs
 * at the sandbox's time scale ({@code -Dsandbox.time-scale}, e.g. {@code 0.001} turns 4 minutes
 * into 240 ms), so tests run a whole schedule in seconds.
 */
@ApplicationScoped
public class SignedPosts {

  private static final Logger LOG = Logger.getLogger(SignedPosts.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The sandbox's time scale: how fast its schedules run compared with real time. */
  public static double timeScale() {
    return Double.parseDouble(System.getProperty("sandbox.time-scale", "1"));
  }

  /** Parameters as an {@code application/x-www-form-urlencoded} body. */
  public static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Runs {@code task} after {@code delay} without holding a request thread meanwhile. */
  public void later(Duration delay, Runnable task) {
    scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Posts {@code body} to {@code url} after {@code delay}, then again after each step of {@code
   * retries} (times the time scale) until it is answered {@code success}.
   */
  public void deliver(
      String url, String body, Duration delay, List<Duration> retries, String what) {
    later(delay, () -> attempt(url, body, retries, 0, what));
  }

  private void attempt(String url, String body, List<Duration> retries, int attempt, String what) {
    boolean acknowledged = false;
    try {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      acknowledged = reply.statusCode() == 200 && reply.body().strip().equals("success");
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.FINE, what + " to " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!acknowledged && attempt < retries.size()) {
      Duration next =
          Duration.ofMillis(Math.max(1, (long) (retries.get(attempt).toMillis() * timeScale())));
      LOG.info(() -> what + " not acknowledged; again in " + next.toMillis() + " ms");
      later(next, () -> attempt(url, body, retries, attempt + 1, what));
    }
  }
}
