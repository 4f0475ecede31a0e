package io.kameng.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Payment notices exactly as the sandbox gateway sends them: a form of the Alipay-style fields,
 * signed "RSA2" (SHA256withRSA over the sorted {@code name=value} pairs but {@code sign} and {@code
 * sign_type}) with the sandbox's own private key, which the launcher keeps in {@code
 * <home>/sandbox/gateway/private.key}. Each notice is prepared before it is measured, with an order
 * and a payment attempt ({@code <orderNo>P1}) behind it and its signature made, so a measurement
 * sees only the platform taking the notice, not the load generator signing it.
 */
final class PaymentNotices {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final DateTimeFormatter GATEWAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  /** One signed notice for one attempt, as the form body the gateway posts. */
  record Notice(String reference, String body) {}

  private final OrderApi orders;
  private final HttpClient http;
  private final URI notify;
  private final PrivateKey gatewayKey;

  private PaymentNotices(OrderApi orders, URI notify, PrivateKey gatewayKey) {
    this.orders = orders;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    this.notify = notify;
    this.gatewayKey = gatewayKey;
  }

  /**
   * Notices to {@code baseUrl}'s sandbox notify URL, signed with the key the stack's home keeps.
   */
  static PaymentNotices of(OrderApi orders, String baseUrl, Path home) throws IOException {
    byte[] encoded =
        Base64.getDecoder()
            .decode(
                Files.readString(
                        home.resolve("sandbox/gateway/private.key"), StandardCharsets.US_ASCII)
                    .strip());
    try {
      PrivateKey key =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
      return new PaymentNotices(
          orders, URI.create(baseUrl + "/shop/api/v1/payments/notify/sandbox"), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Not the sandbox's private key (Base64 PKCS#8)", e);
    }
  }

  /**
   * Places {@code count} orders, starts a payment of each and signs its notice, on {@code threads}
   * threads; adds the notices to {@code into} and answers how it went (failures of either POST).
   */
  Load.Result prepare(int count, int threads, Queue<Notice> into) throws InterruptedException {
    Load.Failures failures = new Load.Failures();
    AtomicInteger left = new AtomicInteger(count);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    for (int thread = 0; thread < threads; thread++) {
      pool.execute(
          () -> {
            while (left.getAndDecrement() > 0) {
              try {
                into.add(signed(orders.placeAndStartPayment()));
              } catch (Exception e) {
                failures.record(e);
              }
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
      throw new IllegalStateException("Preparing payments took more than an hour");
    }
    return new Load.Result(
        Duration.ofNanos(System.nanoTime() - start), new long[0], count, failures);
  }

  /** The gateway's notice that the order's attempt 1 is paid, with the order's exact amount. */
  Notice signed(OrderApi.Placed placed) throws GeneralSecurityException {
    String reference = placed.orderNo() + "P1";
    Instant now = Instant.now();
    Map<String, String> fields = new TreeMap<>();
    fields.put("notify_time", GATEWAY_TIME.format(now));
    fields.put("notify_type", "trade_status_sync");
    fields.put("notify_id", UUID.randomUUID().toString());
    fields.put("trade_no", "BENCH" + reference);
    fields.put("out_trade_no", reference);
    fields.put("total_amount", placed.amount());
    fields.put("trade_status", "TRADE_SUCCESS");
    fields.put("gmt_payment", GATEWAY_TIME.format(now));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(gatewayKey);
    signature.update(
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"))
            .getBytes(StandardCharsets.UTF_8));
    fields.put("sign_type", "RSA2");
    fields.put("sign", Base64.getEncoder().encodeToString(signature.sign()));
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return new Notice(reference, body);
  }

  /** Posts one notice; throws unless it answered 200 {@code success}. */
  void send(Notice notice) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(notify)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(notice.body()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200 || !answer.body().strip().equals("success")) {
      throw new NotTaken(
          notice.reference()
              + ": HTTP "
              + answer.statusCode()
              + " "
              + OrderApi.abbreviated(answer.body()));
    }
  }

  /**
   * Workers that each send a notice not sent before, taken from {@code pending}, and keep the ones
   * taken in {@code applied}; they are {@link Load.Exhausted} when {@code pending} is empty.
   */
  Load.Workers firstNotices(Queue<Notice> pending, Queue<Notice> applied) {
    return thread ->
        () -> {
          Notice notice = pending.poll();
          if (notice == null) {
            throw new Load.Exhausted();
          }
          send(notice);
          applied.add(notice);
        };
  }

  /** Workers that send the already applied notices again, round and round. */
  Load.Workers repeatedNotices(Queue<Notice> applied) {
    List<Notice> notices = new ArrayList<>(applied);
    AtomicInteger next = new AtomicInteger();
    return thread -> () -> send(notices.get(Math.floorMod(next.getAndIncrement(), notices.size())));
  }

  static Queue<Notice> queue() {
    return new ConcurrentLinkedQueue<>();
  }

  /** A notice not answered 200 {@code success}. */
  static final class NotTaken extends RuntimeException {
    NotTaken(String message) {
      super(message);
    }
  }
}
