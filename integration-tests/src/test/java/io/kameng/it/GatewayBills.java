package io.kameng.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The sandbox gateway's daily trade bill as a test reads it: the two calls (the download URL, then
 * the zip), unzipped and decoded from GBK. A bill not ready yet (the gateway's clock before the
 * next day's 02:00, China time) is made ready by moving the gateway's clock there for the download
 * and back afterwards.
 */
public final class GatewayBills {

  public static final Charset GBK = Charset.forName("GBK");
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The detail file's column names. */
  public static final List<String> COLUMNS =
      List.of(
          "支付宝交易号",
          "商户订单号",
          "业务类型",
          "商品名称",
          "创建时间",
          "完成时间",
          "门店编号",
          "门店名称",
          "操作员",
          "终端号",
          "对方账户",
          "订单金额（元）",
          "商家实收（元）",
          "支付宝红包（元）",
          "集分宝（元）",
          "支付宝优惠（元）",
          "商家优惠（元）",
          "券核销金额（元）",
          "券名称",
          "商家红包消费金额（元）",
          "卡消费金额（元）",
          "退款批次号/请求号",
          "服务费（元）",
          "分润（元）",
          "备注");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private GatewayBills() {}

  /** One downloaded bill: the two files' text and the download's answer. */
  public record Bill(LocalDate day, String detail, String summary, HttpResponse<byte[]> download) {

    public List<String> detailLines() {
      return detail.lines().toList();
    }

    /** The detail rows by column name, each field's trailing tab taken off. */
    public List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      for (String line : detail.split("\r\n")) {
        if (line.startsWith("#") || line.startsWith(COLUMNS.get(0) + ",") || line.isEmpty()) {
          continue;
        }
        List<String> fields =
            Arrays.stream(line.split(",", -1))
                .map(field -> field.endsWith("\t") ? field.substring(0, field.length() - 1) : field)
                .toList();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size() && i < fields.size(); i++) {
          row.put(COLUMNS.get(i), fields.get(i));
        }
        rows.add(new Row(line, row));
      }
      return rows;
    }
  }

  /** A detail row: the line as it stands and its fields by column name. */
  public record Row(String line, Map<String, String> fields) {

    public String get(String column) {
      return fields.getOrDefault(column, "");
    }

    public String tradeNo() {
      return get("支付宝交易号");
    }

    public String outTradeNo() {
      return get("商户订单号");
    }

    /** {@code 交易} (a payment) or {@code 退款} (a refund). */
    public String type() {
      return get("业务类型");
    }

    public boolean payment() {
      return type().equals("交易");
    }

    public String orderAmount() {
      return get("订单金额（元）");
    }

    /** What the merchant received: the payment, or minus the refund. */
    public String received() {
      return get("商家实收（元）");
    }

    public String refundRequestNo() {
      return get("退款批次号/请求号");
    }

    /** The gateway's fee: minus on a payment, plus (given back) on a refund. */
    public String fee() {
      return get("服务费（元）");
    }
  }

  /** When the bill of {@code day} is ready (the sandbox's default, 02:00 the next day). */
  public static Instant readyAt(LocalDate day) {
    return day.plusDays(1).atTime(LocalTime.of(2, 0)).atZone(CHINA).toInstant();
  }

  /**
   * The bills of these days, the gateway's clock moved to their ready time meanwhile if need be.
   */
  public static List<Bill> of(LocalDate... days) throws Exception {
    Instant sandboxNow = clockNow();
    Instant ready = Arrays.stream(days).map(GatewayBills::readyAt).max(Instant::compareTo).get();
    boolean moved = sandboxNow.isBefore(ready);
    if (moved) {
      send("POST", "/clock", "{\"at\": \"%s\"}".formatted(ready.plusSeconds(1)));
    }
    try {
      List<Bill> bills = new ArrayList<>();
      for (LocalDate day : days) {
        bills.add(download(day));
      }
      return bills;
    } finally {
      if (moved) {
        // Back to where it was: real time, plus however far a test had moved it.
        Duration ahead = Duration.between(Instant.now(), sandboxNow);
        send("DELETE", "/clock", null);
        if (ahead.toSeconds() > 1) {
          send("POST", "/clock", "{\"advanceSeconds\": %d}".formatted(ahead.toSeconds()));
        }
      }
    }
  }

  /** The bill of {@code day}, which must be ready by the gateway's clock. */
  public static Bill download(LocalDate day) throws Exception {
    JsonObject answer = query(day);
    if (!answer.getString("code").equals("10000")) {
      throw new AssertionError("No bill for " + day + ": " + answer);
    }
    HttpResponse<byte[]> zip = get(answer.getString("bill_download_url"));
    if (zip.statusCode() != 200) {
      throw new AssertionError("Bill download for " + day + " answered " + zip.statusCode());
    }
    Map<String, String> entries = unzip(zip.body());
    String prefix = "20881234567890120156_" + day.toString().replace("-", "");
    return new Bill(
        day, entries.get(prefix + "_业务明细.csv"), entries.get(prefix + "_业务明细(汇总).csv"), zip);
  }

  /** The bill query's JSON answer for {@code day} (given as it is). */
  public static JsonObject query(Object day) throws Exception {
    HttpResponse<String> answer =
        SandboxApi.send("GET", "/api/gateway/bills?bill_type=trade&bill_date=" + day, null);
    if (answer.statusCode() != 200) {
      throw new AssertionError("Bill query answered " + answer.statusCode());
    }
    return Json.createReader(new StringReader(answer.body())).readObject();
  }

  /** GET on a download URL, the answer's bytes. */
  public static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A zip's entries by (GBK) name, each decoded from GBK. */
  public static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), GBK));
      }
    }
    return entries;
  }

  /** The gateway's clock now. */
  public static Instant clockNow() throws Exception {
    HttpResponse<String> answer = send("POST", "/clock", "{\"advanceSeconds\": 0}");
    return Instant.parse(
        Json.createReader(new StringReader(answer.body())).readObject().getString("now"));
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    return SandboxApi.send(method, "/api/gateway" + path, json);
  }
}
