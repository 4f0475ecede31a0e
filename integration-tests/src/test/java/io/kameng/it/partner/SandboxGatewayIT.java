package io.kameng.it.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.GatewayBills;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.SandboxApi;
import io.kameng.it.ShopApi;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox gateway's own admin API, as a tester uses it: faults for one payment leave the others
 * alone, a hanging call is answered after its hold, nonsense is refused, the gateway's clock moves
 * payments to a later day (or holds still), and the daily trade bill, shaped like Alipay's, is
 * there after 02:00 the next day with its faults.
 */
class SandboxGatewayIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void heal() throws Exception {
    send("DELETE", "/faults", null);
    send("DELETE", "/clock", null);
  }

  @Test
  void aFaultForOnePaymentLeavesTheOthersAlone() throws Exception {
    String down = create();
    String slow = create();
    fault("{\"scope\": \"%s\", \"query\": \"DOWN\"}".formatted(down));
    fault("{\"scope\": \"%s\", \"query\": \"HANG\", \"seconds\": 2}".formatted(slow));
    fault("{\"refund\": \"DOWN\"}");

    assertThat(send("GET", "/trades/" + down, null).statusCode()).isEqualTo(503);
    Instant asked = Instant.now();
    HttpResponse<String> held = send("GET", "/trades/" + slow, null);
    assertThat(Duration.between(asked, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(held.statusCode()).isEqualTo(200);
    assertThat(held.body()).contains("WAIT_BUYER_PAY");
    assertThat(
            send(
                    "POST",
                    "/refunds",
                    "{\"outTradeNo\": \"%s\", \"refundRequestNo\": \"%sR1\", \"amount\": \"1.00\"}"
                        .formatted(slow, slow))
                .statusCode())
        .as("refunds are down for every payment")
        .isEqualTo(503);

    fault("{\"scope\": \"%s\", \"query\": \"NONE\"}".formatted(down));
    assertThat(send("GET", "/trades/" + down, null).statusCode()).isEqualTo(200);
  }

  @Test
  void nonsenseFaultsAreRefused() throws Exception {
    assertThat(send("POST", "/faults", "{\"query\": \"SLOW\"}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/faults", "{\"notice\": \"EXPLODE\"}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/faults", "{\"refund\": \"HANG\", \"seconds\": -1}").statusCode())
        .isEqualTo(400);
    assertThat(send("POST", "/clock", "{\"advanceSeconds\": -60}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/faults", "{\"query\": \"LOST\"}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/faults", "{\"bill\": \"EXPLODE\"}").statusCode()).isEqualTo(400);
    assertThat(
            send("POST", "/faults", "{\"scope\": \"SBXIT1\", \"bill\": \"TRUNCATED\"}")
                .statusCode())
        .as("a day's fault for a payment")
        .isEqualTo(400);
    assertThat(
            send("POST", "/faults", "{\"scope\": \"2026-12-01\", \"bill\": \"WRONG_FEE\"}")
                .statusCode())
        .as("a payment's fault for a day")
        .isEqualTo(400);
  }

  @Test
  void aPaymentMadeAfterTheClockMovedIsOnTheLaterDaysBill() throws Exception {
    String reference = create("1.00");
    assertThat(
            send("POST", "/clock", "{\"advanceSeconds\": %d}".formatted(2 * 86_400)).statusCode())
        .isEqualTo(200);
    pay(reference);

    LocalDate later = LocalDate.now(GatewayBills.CHINA).plusDays(2);
    JsonObject notReady = GatewayBills.query(later);
    assertThat(notReady.getString("code")).isEqualTo("40004");
    assertThat(notReady.getString("msg")).isEqualTo("Business Failed");
    assertThat(notReady.getString("sub_code")).isEqualTo("isp.bill_not_exist");
    assertThat(notReady.getString("sub_msg")).isEqualTo("账单不存在");
    assertThat(GatewayBills.query("2026-02-30").getString("sub_code"))
        .isEqualTo("isv.invalid-arguments");

    clockAt(GatewayBills.readyAt(later), true);
    JsonObject ready = GatewayBills.query(later);
    assertThat(ready.getString("code")).isEqualTo("10000");
    assertThat(ready.getString("msg")).isEqualTo("Success");
    String url = ready.getString("bill_download_url");
    assertThat(url).startsWith("http").contains("/sandbox/api/gateway/bills/download/");
    HttpResponse<byte[]> zip = GatewayBills.get(url);
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
    String compact = later.toString().replace("-", "");
    assertThat(zip.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"20881234567890120156_" + compact + ".csv.zip\"");
    assertThat(GatewayBills.unzip(zip.body()).keySet())
        .containsExactly(
            "20881234567890120156_" + compact + "_业务明细.csv",
            "20881234567890120156_" + compact + "_业务明细(汇总).csv");
    GatewayBills.Bill bill = GatewayBills.download(later);
    assertThat(bill.rows()).extracting(GatewayBills.Row::outTradeNo).contains(reference);
    assertThat(bill.detailLines())
        .last()
        .isEqualTo(
            "#导出时间：["
                + java.time.format.DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss")
                    .withZone(GatewayBills.CHINA)
                    .format(GatewayBills.readyAt(later))
                + "]");
    assertThat(GatewayBills.download(later.minusDays(2)).rows())
        .extracting(GatewayBills.Row::outTradeNo)
        .doesNotContain(reference);

    // A download URL is good for 30 seconds of the gateway's clock.
    String soon = GatewayBills.query(later).getString("bill_download_url");
    send("POST", "/clock", "{\"advanceSeconds\": 31}");
    HttpResponse<byte[]> expired = GatewayBills.get(soon);
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(new String(expired.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("Request has expired");
    assertThat(GatewayBills.get(url.replaceAll("[^/]+$", "nosuchtoken")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void theBillHasAPaymentsAndARefundsRowWithTheirFees() throws Exception {
    LocalDate day = LocalDate.now(GatewayBills.CHINA).plusDays(20);
    clockAt(day.atTime(10, 0).atZone(GatewayBills.CHINA).toInstant(), false);
    String reference = create("95.00");
    pay(reference);
    refund(reference, reference + "R1", "48.00", 200);

    clockAt(GatewayBills.readyAt(day), false);
    GatewayBills.Bill bill = GatewayBills.download(day);

    assertThat(bill.detailLines().subList(0, 5))
        .containsExactly(
            "#支付宝业务明细查询",
            "#账号：[20881234567890120156]",
            "#起始日期：[%s 00:00:00]   终止日期：[%s 00:00:00]"
                .formatted(chinese(day), chinese(day.plusDays(1))),
            "#-----------------------------------------业务明细列表----------------------------------------",
            String.join(",", GatewayBills.COLUMNS));
    assertThat(bill.detail()).contains("\r\n").contains(reference + "\t,");
    List<GatewayBills.Row> ours =
        bill.rows().stream().filter(row -> row.outTradeNo().equals(reference)).toList();
    assertThat(ours)
        .extracting(
            row ->
                String.join(
                    "|",
                    row.type(),
                    row.get("商品名称"),
                    row.get("对方账户"),
                    row.orderAmount(),
                    row.received(),
                    row.refundRequestNo(),
                    row.fee()))
        .containsExactly(
            "交易|test|buyer@sandbox|95.00|95.00||-0.57",
            "退款|test|buyer@sandbox|95.00|-48.00|" + reference + "R1|0.29");
    assertTrailerMatchesRows(bill);
  }

  @Test
  void billFaultsDoWhatTheySay() throws Exception {
    LocalDate day = LocalDate.now(GatewayBills.CHINA).plusDays(30);
    clockAt(day.atTime(9, 0).atZone(GatewayBills.CHINA).toInstant(), false);
    String fee = create("10.00");
    String amount = create("20.00");
    pay(fee);
    pay(amount);
    clockAt(GatewayBills.readyAt(day).plusSeconds(60), false);

    fault("{\"scope\": \"%s\", \"bill\": \"NOT_READY\"}".formatted(day));
    assertThat(GatewayBills.query(day).getString("sub_code")).isEqualTo("isp.bill_not_exist");

    fault("{\"scope\": \"%s\", \"bill\": \"DOWN\"}".formatted(day));
    assertThat(GatewayBills.get(url(day)).statusCode()).isEqualTo(503);

    fault("{\"scope\": \"%s\", \"bill\": \"EXPIRED\"}".formatted(day));
    assertThat(GatewayBills.get(url(day)).statusCode()).isEqualTo(403);

    fault("{\"scope\": \"%s\", \"bill\": \"TRUNCATED\"}".formatted(day));
    GatewayBills.Bill truncated = GatewayBills.download(day);
    assertThat(truncated.detail())
        .doesNotContain("业务明细列表结束")
        .doesNotContain("#交易合计")
        .doesNotEndWith("\r\n");
    assertThat(truncated.summary()).contains("#导出时间");

    fault("{\"scope\": \"*\", \"bill\": \"BAD_TRAILER\"}");
    fault("{\"scope\": \"%s\", \"bill\": \"NONE\"}".formatted(day));
    GatewayBills.Bill bad = GatewayBills.download(day);
    long payments = bad.rows().stream().filter(GatewayBills.Row::payment).count();
    assertThat(bad.detail()).contains("#交易合计：" + (payments + 1) + "笔，");
    fault("{\"scope\": \"*\", \"bill\": \"NONE\"}");

    fault("{\"scope\": \"%s\", \"bill\": \"WRONG_FEE\"}".formatted(fee));
    fault("{\"scope\": \"%s\", \"bill\": \"WRONG_AMOUNT\"}".formatted(amount));
    GatewayBills.Bill wrong = GatewayBills.download(day);
    assertThat(row(wrong, fee).fee()).isEqualTo("-0.07");
    assertThat(row(wrong, fee).received()).isEqualTo("10.00");
    assertThat(row(wrong, amount).orderAmount()).isEqualTo("21.00");
    assertThat(row(wrong, amount).received()).isEqualTo("21.00");
    assertThat(row(wrong, amount).fee()).isEqualTo("-0.12");
    assertTrailerMatchesRows(wrong);

    fault("{\"scope\": \"%s\", \"bill\": \"NONE\"}".formatted(fee));
    send("DELETE", "/faults", null);
    GatewayBills.Bill healed = GatewayBills.download(day);
    assertThat(row(healed, fee).fee()).isEqualTo("-0.06");
    assertThat(row(healed, amount).received()).isEqualTo("20.00");
    assertTrailerMatchesRows(healed);
  }

  @Test
  void aForgottenPaymentIsPaidAndBilledButUnknownToTheQuery() throws Exception {
    LocalDate day = LocalDate.now(GatewayBills.CHINA).plusDays(40);
    clockAt(day.atTime(9, 0).atZone(GatewayBills.CHINA).toInstant(), false);
    String reference = create("5.00");
    fault("{\"scope\": \"%s\", \"notice\": \"FORGET\"}".formatted(reference));
    pay(reference);

    HttpResponse<String> forgotten = send("GET", "/trades/" + reference, null);
    HttpResponse<String> unknown = send("GET", "/trades/NOSUCHTRADE" + reference, null);
    assertThat(forgotten.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
    assertThat(forgotten.body()).isEqualTo(unknown.body());

    clockAt(GatewayBills.readyAt(day), false);
    assertThat(row(GatewayBills.download(day), reference).received()).isEqualTo("5.00");
  }

  @Test
  void aLostRefundIsMadeButNeverAnswered() throws Exception {
    LocalDate day = LocalDate.now(GatewayBills.CHINA).plusDays(50);
    clockAt(day.atTime(9, 0).atZone(GatewayBills.CHINA).toInstant(), false);
    String reference = create("5.00");
    pay(reference);
    fault("{\"scope\": \"%s\", \"refund\": \"LOST\"}".formatted(reference));

    refund(reference, reference + "R1", "2.00", 503);
    refund(reference, reference + "R1", "2.00", 503);
    JsonObject trade = ShopApi.json(send("GET", "/trades/" + reference, null));
    assertThat(trade.getString("refunded")).isEqualTo("2.00");
    assertThat(trade.getInt("refundCount")).isEqualTo(1);

    fault("{\"scope\": \"%s\", \"refund\": \"NONE\"}".formatted(reference));
    refund(reference, reference + "R1", "2.00", 200);
    assertThat(ShopApi.json(send("GET", "/trades/" + reference, null)).getInt("refundCount"))
        .isEqualTo(1);

    clockAt(GatewayBills.readyAt(day), false);
    assertThat(GatewayBills.download(day).rows())
        .filteredOn(row -> row.outTradeNo().equals(reference))
        .extracting(GatewayBills.Row::type, GatewayBills.Row::received)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("交易", "5.00"),
            org.assertj.core.groups.Tuple.tuple("退款", "-2.00"));
  }

  @Test
  void theClockCanBeSetAndHeldStill() throws Exception {
    Instant at =
        Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    assertThat(clockAt(at, true)).isEqualTo(at);
    Thread.sleep(1_100);
    assertThat(now(send("POST", "/clock", "{\"frozen\": false}"))).isEqualTo(at);
    Thread.sleep(1_100);
    assertThat(GatewayBills.clockNow()).isAfter(at);
    assertThat(
            send("POST", "/clock", "{\"at\": \"%s\"}".formatted(at.minusSeconds(3_600)))
                .statusCode())
        .as("not back in time")
        .isEqualTo(400);
    assertThat(send("POST", "/clock", "{\"at\": \"yesterday\"}").statusCode()).isEqualTo(400);
    send("DELETE", "/clock", null);
    assertThat(GatewayBills.clockNow()).isBefore(at.minus(Duration.ofDays(2)));
  }

  /** The trailer's counts and sums, and the summary's, as the rows add up. */
  private static void assertTrailerMatchesRows(GatewayBills.Bill bill) {
    List<GatewayBills.Row> rows = bill.rows();
    List<GatewayBills.Row> payments = rows.stream().filter(GatewayBills.Row::payment).toList();
    List<GatewayBills.Row> refunds = rows.stream().filter(row -> !row.payment()).toList();
    BigDecimal received = sum(payments, GatewayBills.Row::received);
    BigDecimal refunded = sum(refunds, GatewayBills.Row::received);
    BigDecimal fees = sum(rows, GatewayBills.Row::fee);
    assertThat(bill.detailLines().subList(bill.detailLines().size() - 4, bill.detailLines().size()))
        .startsWith(
            "#-----------------------------------------业务明细列表结束------------------------------------",
            "#交易合计：" + payments.size() + "笔，商家实收共" + received + "元，商家优惠共0.00元",
            "#退款合计：" + refunds.size() + "笔，商家实收退款共" + refunded + "元，商家优惠退款共0.00元");
    assertThat(bill.summary().lines())
        .contains(
            String.join(
                ",",
                "合计",
                "",
                Integer.toString(payments.size()),
                Integer.toString(refunds.size()),
                sum(payments, GatewayBills.Row::orderAmount).toPlainString(),
                received.add(refunded).toPlainString(),
                "0.00",
                "0.00",
                "0.00",
                fees.toPlainString(),
                "0.00",
                received.add(refunded).add(fees).toPlainString()));
  }

  private static BigDecimal sum(
      List<GatewayBills.Row> rows, java.util.function.Function<GatewayBills.Row, String> column) {
    return rows.stream()
        .map(row -> new BigDecimal(column.apply(row)))
        .reduce(new BigDecimal("0.00"), BigDecimal::add);
  }

  private static GatewayBills.Row row(GatewayBills.Bill bill, String outTradeNo) {
    return bill.rows().stream()
        .filter(row -> row.outTradeNo().equals(outTradeNo) && row.payment())
        .findFirst()
        .orElseThrow(() -> new AssertionError("No row for " + outTradeNo + " in " + bill.detail()));
  }

  private static String url(LocalDate day) throws Exception {
    JsonObject answer = GatewayBills.query(day);
    assertThat(answer.getString("code")).as(answer.toString()).isEqualTo("10000");
    return answer.getString("bill_download_url");
  }

  private static String chinese(LocalDate day) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy年MM月dd日").format(day);
  }

  private static Instant clockAt(Instant at, boolean frozen) throws Exception {
    HttpResponse<String> moved =
        send("POST", "/clock", "{\"at\": \"%s\", \"frozen\": %s}".formatted(at, frozen));
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    return now(moved);
  }

  private static Instant now(HttpResponse<String> clock) {
    return Instant.parse(ShopApi.json(clock).getString("now"));
  }

  private void pay(String reference) throws Exception {
    String tradeNo = ShopApi.json(send("GET", "/trades/" + reference, null)).getString("tradeNo");
    HttpResponse<String> paid =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway() + "/pay/" + tradeNo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).isEqualTo(200);
  }

  private static void refund(String reference, String requestNo, String amount, int status)
      throws Exception {
    assertThat(
            send(
                    "POST",
                    "/refunds",
                    "{\"outTradeNo\": \"%s\", \"refundRequestNo\": \"%s\", \"amount\": \"%s\"}"
                        .formatted(reference, requestNo, amount))
                .statusCode())
        .isEqualTo(status);
  }

  private String create() throws Exception {
    return create("1.00");
  }

  /** A trade nobody is notified about (nothing listens on the notify URL). */
  private String create(String amount) throws Exception {
    String reference = "SBXIT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    HttpResponse<String> created =
        send(
            "POST",
            "/payments",
            "{\"outTradeNo\": \"%s\", \"amount\": \"%s\", \"subject\": \"test\","
                    .formatted(reference, amount)
                + " \"notifyUrl\": \"http://127.0.0.1:9/notify\"}");
    assertThat(created.statusCode()).isEqualTo(200);
    return reference;
  }

  private void fault(String json) throws Exception {
    assertThat(send("POST", "/faults", json).statusCode()).isEqualTo(204);
  }

  private static String gateway() {
    return KamengTestEnvironment.stack().sandbox().url() + "/api/gateway";
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    return SandboxApi.send(method, "/api/gateway" + path, json);
  }
}
