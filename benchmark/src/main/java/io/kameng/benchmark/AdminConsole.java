package io.kameng.benchmark;

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
 * The admin console as the demo admin uses it, for what the benchmark needs stocked: signs in with
 * the console's form and imports card keys on the stock page, the way an admin pastes a CSV file.
 */
final class AdminConsole {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final String baseUrl;
  private final HttpClient http;

  private AdminConsole(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Signed in as {@code username}; throws when the console did not let it in. */
  static AdminConsole signIn(String baseUrl, String username, String password)
      throws IOException, InterruptedException {
    AdminConsole console = new AdminConsole(baseUrl);
    String login = console.get("/admin/login.xhtml");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", username);
    form.put("login:password", password);
    form.put("login:submit", "submit");
    String home = console.post("/admin/login.xhtml", login, form);
    if (!home.contains("id=\"card-key-stock\"") && !home.contains("id=\"home\"")) {
      throw new IllegalStateException("The admin console did not sign " + username + " in");
    }
    return console;
  }

  /** How many keys of the product are in stock, as the stock page shows it. */
  int available(long productId) throws IOException, InterruptedException {
    return available(get("/admin/stock/levels.xhtml"), productId);
  }

  /**
   * Imports {@code keys} (one per line) into the product's stock through the stock page; answers
   * the keys in stock afterwards, and throws when the page did not report them stored.
   */
  int importKeys(long productId, String keys) throws IOException, InterruptedException {
    String page = get("/admin/stock/levels.xhtml");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("import", "import");
    form.put("import:product", Long.toString(productId));
    form.put("import:keys", keys);
    form.put("import:submit", "submit");
    String report = postMultipart("/admin/stock/levels.xhtml", page, form);
    if (!report.contains("class=\"ok\"")) {
      throw new IllegalStateException(
          "The stock page did not store the keys: " + OrderApi.abbreviated(report));
    }
    return available(report, productId);
  }

  private static int available(String page, long productId) {
    Matcher found =
        Pattern.compile("class=\"available\" data-product=\"" + productId + "\">(\\d+)<")
            .matcher(page);
    if (!found.find()) {
      throw new IllegalStateException("No stock level of product " + productId + " on the page");
    }
    return Integer.parseInt(found.group(1));
  }

  /**
   * Starts a reconciliation run through the console's API ({@code POST
   * /admin/api/reconciliation/runs}) as the signed-in admin; answers the run's id.
   */
  long startReconciliation(String kind, String partner, String day, boolean rerun)
      throws IOException, InterruptedException {
    String body =
        "{\"kind\":\"%s\",\"partner\":\"%s\",\"day\":\"%s\",\"rerun\":%s}"
            .formatted(kind, partner, day, rerun);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/admin/api/reconciliation/runs"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Matcher id = Pattern.compile("\"runId\"\\s*:\\s*(\\d+)").matcher(answer.body());
    if (answer.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException(
          "Reconciliation not started: HTTP "
              + answer.statusCode()
              + " "
              + OrderApi.abbreviated(answer.body()));
    }
    return Long.parseLong(id.group(1));
  }

  /** The run as {@code GET /admin/api/reconciliation/runs/{id}} answers it (JSON). */
  String reconciliationRun(long runId) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/admin/api/reconciliation/runs/" + runId))
            .header("Accept", "application/json")
            .GET());
  }

  private String get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  private String post(String path, String from, Map<String, String> fields)
      throws IOException, InterruptedException {
    Matcher viewState = VIEW_STATE.matcher(from);
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (viewState.find()) {
      form.put("jakarta.faces.ViewState", viewState.group(1));
    }
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts the form as a browser does when it has a file input, no file chosen. */
  private String postMultipart(String path, String from, Map<String, String> fields)
      throws IOException, InterruptedException {
    Matcher viewState = VIEW_STATE.matcher(from);
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (viewState.find()) {
      form.put("jakarta.faces.ViewState", viewState.group(1));
    }
    String boundary = "----kamengbench" + Long.toString(System.nanoTime(), 36);
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
    body.append("--").append(boundary).append("--\r\n");
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            request.timeout(TIMEOUT).header("Accept-Language", "en").build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "Admin console: HTTP " + answer.statusCode() + " " + OrderApi.abbreviated(answer.body()));
    }
    return answer.body();
  }
}
