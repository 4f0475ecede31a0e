package io.kameng.it.partner;

import static io.kameng.it.ShopApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kameng.it.SandboxApi;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox upstream supplier on Payara Micro, as the platform's adapter will use it: a recharge
 * taken once per request id, its result called back signed with the supplier's own key, a status
 * query, and each injected fault as a tester switches it on.
 */
class SandboxSupplierIT {

  private HttpServer platform;
  private final BlockingQueue<Map<String, String>> callbacks = new LinkedBlockingQueue<>();

  /** Plays the platform's callback endpoint: records each callback and answers "success". */
  @BeforeEach
  void listen() throws Exception {
    platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    platform.createContext(
        "/callback",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          callbacks.add(form(body));
          byte[] reply = "success".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    platform.start();
  }

  @AfterEach
  void stop() throws Exception {
    platform.stop(0);
    SandboxApi.send("DELETE", "/api/supplier/faults", null);
  }

  @Test
  void aRechargeIsTakenOnceAndItsSignedResultIsCalledBack() throws Exception {
    String requestId = requestId();
    HttpResponse<String> taken = recharge(requestId, "13800138000");
    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(json(taken).getString("status")).isEqualTo("PROCESSING");

    Map<String, String> result = callbacks.poll(10, TimeUnit.SECONDS);
    assertThat(result).isNotNull();
    assertThat(result)
        .containsEntry("request_id", requestId)
        .containsEntry("status", "SUCCESS")
        .containsEntry("amount", "100.00")
        .containsEntry("supplier_order_no", json(taken).getString("supplierOrderNo"));
    assertThat(verifies(result)).as("signed with the supplier's key").isTrue();

    HttpResponse<String> again = recharge(requestId, "13800138000");
    assertThat(json(again).getString("supplierOrderNo"))
        .isEqualTo(json(taken).getString("supplierOrderNo"));
    assertThat(json(again).getString("status")).isEqualTo("SUCCESS");
    assertThat(callbacks.poll(1, TimeUnit.SECONDS)).as("recharged once").isNull();
    assertThat(json(query(requestId)).getString("status")).isEqualTo("SUCCESS");
  }

  @Test
  void anUnknownAccountFailsAndBadRequestsAreRefused() throws Exception {
    String requestId = requestId();
    recharge(requestId, "19990000000");
    Map<String, String> result = callbacks.poll(10, TimeUnit.SECONDS);
    assertThat(result)
        .containsEntry("status", "FAILED")
        .containsEntry("fail_reason", "ACCOUNT_NOT_FOUND");
    assertThat(verifies(result)).isTrue();
    assertThat(
            SandboxApi.send("POST", "/api/supplier/recharges", "{\"requestId\": \"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(query("no-such-request").statusCode()).isEqualTo(404);
  }

  @Test
  void eachFaultDoesWhatItSays() throws Exception {
    fault("13900000001", "DOWN", 0);
    fault("13900000002", "ERROR", 0);
    fault("13900000003", "TIMEOUT", 2);
    fault("13900000004", "CALLBACK_LOST", 0);
    fault("13900000005", "WRONG_RESULT", 0);

    assertThat(recharge(requestId(), "13900000001").statusCode()).isEqualTo(503);
    String errored = requestId();
    assertThat(recharge(errored, "13900000002").statusCode()).isEqualTo(500);
    assertThat(query(errored).statusCode()).as("nothing recharged").isEqualTo(404);

    String held = requestId();
    Instant asked = Instant.now();
    HttpResponse<String> late = recharge(held, "13900000003");
    assertThat(Duration.between(asked, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(callbacks.poll(10, TimeUnit.SECONDS))
        .as("taken although answered late")
        .containsEntry("request_id", held);

    String lost = requestId();
    recharge(lost, "13900000004");
    assertThat(callbacks.poll(2, TimeUnit.SECONDS)).as("no callback").isNull();
    assertThat(json(query(lost)).getString("status")).isEqualTo("SUCCESS");

    recharge(requestId(), "13900000005");
    Map<String, String> wrong = callbacks.poll(10, TimeUnit.SECONDS);
    assertThat(wrong).containsEntry("amount", "101.00");
    assertThat(verifies(wrong)).as("a wrong result is still signed").isTrue();

    assertThat(
            SandboxApi.send("POST", "/api/supplier/faults", "{\"fault\": \"EXPLODE\"}")
                .statusCode())
        .isEqualTo(400);
  }

  private HttpResponse<String> recharge(String requestId, String account) throws Exception {
    return recharge(requestId, account, "main");
  }

  private HttpResponse<String> recharge(String requestId, String account, String line)
      throws Exception {
    return SandboxApi.send(
        "POST",
        "/api/supplier/recharges",
        ("{\"requestId\": \"%s\", \"product\": \"CM100\", \"account\": \"%s\","
                + " \"amount\": \"100.00\", \"callbackUrl\": \"http://127.0.0.1:%d/callback\","
                + " \"line\": \"%s\"}")
            .formatted(requestId, account, platform.getAddress().getPort(), line));
  }

  @Test
  void aFaultOnOneLineLeavesTheOtherLineWorking() throws Exception {
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/supplier/faults",
                    "{\"scope\": \"13900000009\", \"fault\": \"DOWN\", \"line\": \"main\"}")
                .statusCode())
        .isEqualTo(204);

    assertThat(recharge(requestId(), "13900000009", "main").statusCode()).isEqualTo(503);
    HttpResponse<String> backup = recharge(requestId(), "13900000009", "backup");
    assertThat(backup.statusCode()).isEqualTo(200);
    assertThat(json(backup).getString("supplierOrderNo")).startsWith("BAK");
    assertThat(recharge(requestId(), "13900000009", "third").statusCode())
        .as("only the main and backup lines")
        .isEqualTo(400);
  }

  @Test
  void theStatementListsTheLinesFinishedRechargesAlsoThoseItsCallerNeverHeardOf() throws Exception {
    fault("13900000013", "TIMEOUT", 1);
    fault("13900000014", "CALLBACK_LOST", 0);
    String plain = requestId();
    String timedOut = requestId();
    String lost = requestId();
    String unknown = requestId();
    String backup = requestId();
    recharge(plain, "13900000012");
    recharge(timedOut, "13900000013");
    recharge(lost, "13900000014");
    recharge(unknown, "19990000001");
    recharge(backup, "13900000015", "backup");
    Instant deadline = Instant.now().plusSeconds(20);
    for (String requestId : new String[] {plain, timedOut, lost, unknown, backup}) {
      while (json(query(requestId)).getString("status").equals("PROCESSING")) {
        assertThat(Instant.now()).as(requestId + " finished").isBefore(deadline);
        Thread.sleep(100);
      }
    }

    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    HttpResponse<String> main = SandboxApi.send("GET", "/api/supplier/statements/" + today, null);
    HttpResponse<String> yesterday =
        SandboxApi.send("GET", "/api/supplier/statements/" + today.minusDays(1), null);
    HttpResponse<String> backupLine =
        SandboxApi.send("GET", "/api/supplier/statements/" + today + "?line=backup", null);

    assertThat(main.statusCode()).isEqualTo(200);
    assertThat(main.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            t -> assertThat(t).startsWith("text/csv").containsIgnoringCase("utf-8"));
    java.util.List<String> lines =
        java.util.stream.Stream.concat(yesterday.body().lines(), main.body().lines()).toList();
    assertThat(main.body().lines().findFirst())
        .hasValue("request_id,supplier_order_no,account,amount,result,completed_at");
    assertThat(lines)
        .filteredOn(l -> l.startsWith(plain + ","))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .matches(
                        plain
                            + ",SUP\\d+,13900000012,100\\.00,SUCCESS,\\d{4}-\\d\\d-\\d\\d"
                            + " \\d\\d:\\d\\d:\\d\\d"));
    assertThat(lines).anyMatch(l -> l.startsWith(timedOut + ",SUP") && l.contains(",SUCCESS,"));
    assertThat(lines).anyMatch(l -> l.startsWith(lost + ",SUP") && l.contains(",SUCCESS,"));
    assertThat(lines).anyMatch(l -> l.startsWith(unknown + ",SUP") && l.contains(",FAILED,"));
    assertThat(lines).noneMatch(l -> l.startsWith(backup + ","));
    assertThat(backupLine.body()).contains(backup + ",BAK").doesNotContain(plain);

    java.util.List<String> body = main.body().lines().toList();
    String total = body.get(body.size() - 1);
    java.math.BigDecimal sum =
        body.subList(1, body.size() - 1).stream()
            .map(l -> new java.math.BigDecimal(l.split(",")[3]))
            .reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add);
    assertThat(total).isEqualTo("TOTAL," + (body.size() - 2) + "," + sum.toPlainString());

    assertThat(SandboxApi.send("GET", "/api/supplier/statements/2026-13-01", null).statusCode())
        .isEqualTo(400);
    assertThat(
            SandboxApi.send("GET", "/api/supplier/statements/" + today + "?line=third", null)
                .statusCode())
        .isEqualTo(400);
  }

  private static HttpResponse<String> query(String requestId) throws Exception {
    return SandboxApi.send("GET", "/api/supplier/recharges/" + requestId, null);
  }

  private static void fault(String account, String fault, int seconds) throws Exception {
    assertThat(
            SandboxApi.send(
                    "POST",
                    "/api/supplier/faults",
                    "{\"scope\": \"%s\", \"fault\": \"%s\", \"seconds\": %d}"
                        .formatted(account, fault, seconds))
                .statusCode())
        .isEqualTo(204);
  }

  private static String requestId() {
    return "R" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Checks the RSA2 signature with the supplier's public key, as the platform will. */
  private static boolean verifies(Map<String, String> parameters) throws Exception {
    Path publicKey =
        Path.of(System.getProperty("kameng.it.home"), "sandbox", "supplier", "public.key");
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new X509EncodedKeySpec(
                    Base64.getDecoder().decode(Files.readString(publicKey).strip())));
    String content =
        new TreeMap<>(parameters)
            .entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initVerify(key);
    signature.update(content.getBytes(StandardCharsets.UTF_8));
    return signature.verify(Base64.getDecoder().decode(parameters.get("sign")));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new TreeMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
