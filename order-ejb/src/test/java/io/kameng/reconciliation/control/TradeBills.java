package io.kameng.reconciliation.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds Alipay-shape trade bills ({@code csv.zip}, GBK, {@code \r\n}, tab after each field). */
final class TradeBills {

  static final Charset GBK = Charset.forName("GBK");
  static final String ACCOUNT = "20881234567890120156";
  static final String DETAIL = ACCOUNT + "_20261201_业务明细.csv";
  static final String SUMMARY = ACCOUNT + "_20261201_业务明细(汇总).csv";

  static final List<String> COLUMNS =
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

  private final List<String> columns = new ArrayList<>(COLUMNS);
  private final List<Map<String, String>> rows = new ArrayList<>();
  private String tradesTrailer;
  private String refundsTrailer;
  private Charset charset = GBK;
  private boolean withDetail = true;
  private Integer cutAt;

  static TradeBills bill() {
    return new TradeBills();
  }

  /** A payment (业务类型 交易): 商家实收 positive, 服务费 negative (charged). */
  TradeBills payment(String tradeNo, String reference, String amount, String fee, String at) {
    rows.add(
        Map.of(
            "支付宝交易号", tradeNo,
            "商户订单号", reference,
            "业务类型", "交易",
            "完成时间", at,
            "订单金额（元）", amount,
            "商家实收（元）", amount,
            "服务费（元）", fee));
    return this;
  }

  /** A refund (业务类型 退款): 商家实收 negative, request number set, 服务费 positive (given back). */
  TradeBills refund(
      String tradeNo, String reference, String refundNo, String amount, String fee, String at) {
    rows.add(
        Map.of(
            "支付宝交易号", tradeNo,
            "商户订单号", reference,
            "业务类型", "退款",
            "完成时间", at,
            "订单金额（元）", amount.replace("-", ""),
            "商家实收（元）", amount,
            "退款批次号/请求号", refundNo,
            "服务费（元）", fee));
    return this;
  }

  TradeBills trailer(String trades, String refunds) {
    this.tradesTrailer = trades;
    this.refundsTrailer = refunds;
    return this;
  }

  TradeBills columns(List<String> columns) {
    this.columns.clear();
    this.columns.addAll(columns);
    return this;
  }

  TradeBills charset(Charset charset) {
    this.charset = charset;
    return this;
  }

  TradeBills withoutDetail() {
    this.withDetail = false;
    return this;
  }

  /** Cuts the detail entry's bytes after {@code chars} characters of its text. */
  TradeBills cutAt(int chars) {
    this.cutAt = chars;
    return this;
  }

  String detailText() {
    StringBuilder text = new StringBuilder();
    line(text, "#支付宝业务明细查询");
    line(text, "#账号：[" + ACCOUNT + "]");
    line(text, "#起始日期：[2026年12月01日 00:00:00]   终止日期：[2026年12月02日 00:00:00]");
    line(
        text,
        "#-----------------------------------------业务明细列表----------------------------------------");
    line(text, String.join(",", columns.stream().map(c -> c + "\t").toList()));
    for (Map<String, String> row : rows) {
      line(text, String.join(",", columns.stream().map(c -> defaultField(row, c) + "\t").toList()));
    }
    line(
        text,
        "#-----------------------------------------业务明细列表结束------------------------------------");
    line(text, tradesTrailer);
    line(text, refundsTrailer);
    line(text, "#导出时间：[2026年12月02日 02:00:00]");
    return text.toString();
  }

  private static String defaultField(Map<String, String> row, String column) {
    if (row.containsKey(column)) {
      return row.get(column);
    }
    return switch (column) {
      case "商品名称" -> "话费充值";
      case "创建时间" -> row.get("完成时间");
      case "门店编号", "门店名称", "操作员", "终端号", "券名称", "退款批次号/请求号", "备注", "附加列" -> "";
      case "对方账户" -> "buy***@example.com";
      default -> "0.00";
    };
  }

  private static void line(StringBuilder text, String line) {
    text.append(line).append("\r\n");
  }

  Path write(Path dir) throws IOException {
    return write(dir, "20881234567890120156_20261201.csv.zip");
  }

  Path write(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out, GBK)) {
      if (withDetail) {
        zip.putNextEntry(new ZipEntry(DETAIL));
        String text = detailText();
        if (cutAt != null) {
          text = text.substring(0, cutAt);
        }
        zip.write(text.getBytes(charset));
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(SUMMARY));
      StringBuilder summary = new StringBuilder();
      line(summary, "#支付宝业务汇总查询");
      line(summary, "#账号：[" + ACCOUNT + "]");
      line(summary, "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,服务费（元）");
      line(summary, "合计,,0,0,0.00,0.00,0.00");
      zip.write(summary.toString().getBytes(charset));
      zip.closeEntry();
    }
    return file;
  }

  /** The day of the examples: two payments of 10.00 (fee 0.06) and a refund of 10.00. */
  static TradeBills day() {
    return bill()
        .payment("2026120122001400001", "PAY-0001", "10.00", "-0.06", "2026-12-01 08:00:05")
        .payment("2026120122001400002", "PAY-0002", "10.00", "-0.06", "2026-12-01 09:30:00")
        .refund(
            "2026120122001400001", "PAY-0001", "RF-0001", "-10.00", "0.06", "2026-12-01 23:59:59")
        .trailer("#交易合计：2笔，商家实收共20.00元，商家优惠共0.00元", "#退款合计：1笔，商家实收退款共-10.00元，商家优惠退款共0.00元");
  }
}
