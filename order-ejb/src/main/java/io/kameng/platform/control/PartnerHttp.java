package io.kameng.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the partner adapters (payment gateway, supplier) share: one HTTP client, a send that turns a
 * network failure or timeout into an {@link UncheckedIOException} (the failure their retries are
 * for), JSON answers, the required fields of a callback, and where the sandbox is.
 */
public final class PartnerHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PartnerHttp() {}

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  /** A callback's field; refused when missing or blank. */
  public static String required(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing " + name);
    }
    return value;
  }

  /** The partner sandbox's base URL ({@code kameng.sandbox.url}). */
  public static String sandboxUrl() {
    return ConfigProvider.getConfig().getValue("kameng.sandbox.url", String.class);
  }

  /** A configured value (for example a partner's public key). */
  public static String setting(String name) {
    return ConfigProvider.getConfig().getValue(name, String.class);
  }
}
