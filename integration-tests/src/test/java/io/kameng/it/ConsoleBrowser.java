package io.kameng.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, as far as the consoles can tell: keeps cookies, sends a language, fills
 * and posts the Faces forms of the pages (with their view state), and follows redirects only when
 * asked, so a test can see each one.
 */
public final class ConsoleBrowser {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  /** One answer from the server. */
  public record Page(int status, String location, String body, URI uri) {}

  private final String baseUrl;
  private final String language;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();

  public ConsoleBrowser(String baseUrl, String language) {
    this.baseUrl = baseUrl;
    this.language = language;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The session cookie the browser holds for a console, or null. */
  public String sessionId(String console) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID") && ("/" + console).equals(c.getPath()))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Follows redirects from {@code page} to where they end, as a browser would. */
  public Page follow(Page page) {
    Page current = page;
    for (int hops = 0; current.status() / 100 == 3 && hops < 5; hops++) {
      current = get(current.uri().resolve(current.location()).toString());
    }
    return current;
  }

  /** Opens the console's sign-in page, fills in the form and submits it; follows redirects. */
  public Page signIn(String console, String username, String password) {
    Page login = get("/" + console + "/login.xhtml");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", username);
    form.put("login:password", password);
    form.put("login:submit", "submit");
    return follow(post(login, "/" + console + "/login.xhtml", form));
  }

  /** Presses the sign-out button on the given console page; follows redirects. */
  public Page signOut(String console, Page page) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("account", "account");
    form.put("account:signOut", "signOut");
    return follow(post(page, "/" + console + "/index.xhtml", form));
  }

  /** Posts JSON, as a script using the console's JSON API with this browser's session does. */
  public Page postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Page post(Page from, String path, Map<String, String> fields) {
    Matcher viewState = VIEW_STATE.matcher(from.body());
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (viewState.find()) {
      form.put("jakarta.faces.ViewState", viewState.group(1));
    }
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Posts a form as a browser posts one with a file input ({@code multipart/form-data}): the
   * fields, and the file input {@code fileField} with no file chosen.
   */
  public Page postMultipart(Page from, String path, Map<String, String> fields, String fileField) {
    Matcher viewState = VIEW_STATE.matcher(from.body());
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (viewState.find()) {
      form.put("jakarta.faces.ViewState", viewState.group(1));
    }
    String boundary = "----kameng" + Long.toString(System.nanoTime(), 36);
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n")
        .append("--")
        .append(boundary)
        .append("--\r\n");
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  private Page send(HttpRequest.Builder request) {
    if (language != null) {
      request.header("Accept-Language", language);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(
          response.statusCode(),
          response.headers().firstValue("Location").orElse(null),
          response.body(),
          response.uri());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
