package io.kameng.sandbox.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The gateway's daily trade bill, shaped like an Alipay trade bill: a zip (entry names in GBK) of a
 * detail file (one row per payment completed and per refund made that China-time day, sorted by
 * completion time, each field followed by a tab, then a trailer with counts and sums) and a summary
 * file, both GBK text with CRLF line ends. The gateway's fee is 0.6 % of a payment, rounded half up
 * to the cent, given back in proportion (0.6 % of the refund) on a refund.
 */
final class TradeBill {

  /** The merchant's account at the gateway, as the bill's header and file names give it. */
  static final String ACCOUNT = "20881234567890120156";

  static final BigDecimal FEE_RATE = new BigDecimal("0.006");
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final Charset GBK = Charset.forName("GBK");

  static final String DETAIL_COLUMNS =
      "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,"
          + "支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,"
          + "退款批次号/请求号,服务费（元）,分润（元）,备注";
  static final String SUMMARY_COLUMNS =
      "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,"
          + "服务费（元）,分润（元）,实收净额（元）";
  static final String DETAIL_START =
      "#-----------------------------------------业务明细列表----------------------------------------";
  static final String DETAIL_END =
      "#-----------------------------------------业务明细列表结束------------------------------------";
  static final String SUMMARY_START =
      "#-----------------------------------------业务汇总列表----------------------------------------";
  static final String SUMMARY_END =
      "#-----------------------------------------业务汇总列表结束------------------------------------";

  static final String BUYER = "buyer@sandbox";
  private static final String CRLF = "\r\n";
  private static final String ZERO = "0.00";
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
  private static final DateTimeFormatter HEADER_TIME =
      DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss").withZone(CHINA);
  private static final DateTimeFormatter COMPACT_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  /** The two files' text. */
  record Files(String detail, String summary) {}

  private record Row(
      Instant at,
      boolean payment,
      BigDecimal orderAmount,
      BigDecimal received,
      BigDecimal fee,
      String text) {}

  private TradeBill() {}

  /** 0.6 % of {@code amount}, half up to the cent. */
  static BigDecimal fee(BigDecimal amount) {
    return amount.multiply(FEE_RATE).setScale(2, RoundingMode.HALF_UP);
  }

  /** The zip's name: {@code <account>_<yyyyMMdd>.csv.zip}. */
  static String zipName(LocalDate day) {
    return ACCOUNT + "_" + COMPACT_DAY.format(day) + ".csv.zip";
  }

  static String detailName(LocalDate day) {
    return ACCOUNT + "_" + COMPACT_DAY.format(day) + "_业务明细.csv";
  }

  static String summaryName(LocalDate day) {
    return ACCOUNT + "_" + COMPACT_DAY.format(day) + "_业务明细(汇总).csv";
  }

  /**
   * The bill of {@code day} over {@code trades}, exported at {@code exportedAt}, with the day's
   * fault (or null) and each payment's ({@code tradeFault} by out_trade_no).
   */
  static Files of(
      List<Trade> trades,
      LocalDate day,
      Instant exportedAt,
      BillFault dayFault,
      Function<String, Optional<BillFault>> tradeFault) {
    List<Row> rows = new ArrayList<>();
    for (Trade trade : trades) {
      BillFault fault = tradeFault.apply(trade.outTradeNo()).orElse(null);
      BigDecimal amount = money(trade.amount());
      Instant paidAt = trade.paidAt();
      if (paidAt != null && onDay(paidAt, day)) {
        BigDecimal printed = fault == BillFault.WRONG_AMOUNT ? amount.add(BigDecimal.ONE) : amount;
        BigDecimal fee = fee(amount).negate();
        if (fault == BillFault.WRONG_FEE) {
          fee = fee.subtract(CENT);
        }
        rows.add(row(trade, paidAt, true, printed, printed, "", fee));
      }
      for (Trade.RefundLine refund : trade.refundLines()) {
        if (onDay(refund.at(), day)) {
          BigDecimal refunded = money(refund.amount());
          rows.add(
              row(
                  trade,
                  refund.at(),
                  false,
                  amount,
                  refunded.negate(),
                  refund.requestNo(),
                  fee(refunded)));
        }
      }
    }
    rows.sort(Comparator.comparing(Row::at));

    int payments = 0;
    int refunds = 0;
    BigDecimal ordered = money(BigDecimal.ZERO);
    BigDecimal received = money(BigDecimal.ZERO);
    BigDecimal refunded = money(BigDecimal.ZERO);
    BigDecimal fees = money(BigDecimal.ZERO);
    for (Row row : rows) {
      if (row.payment()) {
        payments++;
        ordered = ordered.add(row.orderAmount());
        received = received.add(row.received());
      } else {
        refunds++;
        refunded = refunded.add(row.received());
      }
      fees = fees.add(row.fee());
    }

    String period =
        "#起始日期：["
            + HEADER_TIME.format(day.atStartOfDay(CHINA))
            + "]   终止日期：["
            + HEADER_TIME.format(day.plusDays(1).atStartOfDay(CHINA))
            + "]";
    String exported = "#导出时间：[" + HEADER_TIME.format(exportedAt) + "]";

    StringBuilder detail = new StringBuilder();
    line(detail, "#支付宝业务明细查询");
    line(detail, "#账号：[" + ACCOUNT + "]");
    line(detail, period);
    line(detail, DETAIL_START);
    line(detail, DETAIL_COLUMNS);
    rows.forEach(row -> line(detail, row.text()));
    String detailText;
    if (dayFault == BillFault.TRUNCATED) {
      // Cut off in the middle of the last row (or of the column names on a day without rows).
      String last = rows.isEmpty() ? DETAIL_COLUMNS : rows.get(rows.size() - 1).text();
      int end = detail.length() - CRLF.length() - last.length() + last.length() / 2;
      detailText = detail.substring(0, end);
    } else {
      int count = payments;
      BigDecimal sum = received;
      if (dayFault == BillFault.BAD_TRAILER) {
        count++;
        sum = sum.add(CENT);
      }
      line(detail, DETAIL_END);
      line(detail, "#交易合计：" + count + "笔，商家实收共" + sum.toPlainString() + "元，商家优惠共0.00元");
      line(detail, "#退款合计：" + refunds + "笔，商家实收退款共" + refunded.toPlainString() + "元，商家优惠退款共0.00元");
      line(detail, exported);
      detailText = detail.toString();
    }

    BigDecimal net = received.add(refunded);
    StringBuilder summary = new StringBuilder();
    line(summary, "#支付宝业务汇总查询");
    line(summary, "#账号：[" + ACCOUNT + "]");
    line(summary, period);
    line(summary, SUMMARY_START);
    line(summary, SUMMARY_COLUMNS);
    line(
        summary,
        String.join(
            ",",
            "合计",
            "",
            Integer.toString(payments),
            Integer.toString(refunds),
            ordered.toPlainString(),
            net.toPlainString(),
            ZERO,
            ZERO,
            ZERO,
            fees.toPlainString(),
            ZERO,
            net.add(fees).toPlainString()));
    line(summary, SUMMARY_END);
    line(summary, exported);
    return new Files(detailText, summary.toString());
  }

  /** The bill as the download answers it: a zip of the two files, GBK. */
  static byte[] zip(LocalDate day, Files files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, GBK)) {
      zip.putNextEntry(new ZipEntry(detailName(day)));
      zip.write(files.detail().getBytes(GBK));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(summaryName(day)));
      zip.write(files.summary().getBytes(GBK));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Row row(
      Trade trade,
      Instant at,
      boolean payment,
      BigDecimal orderAmount,
      BigDecimal received,
      String refundRequestNo,
      BigDecimal fee) {
    List<String> fields =
        List.of(
            trade.tradeNo(),
            trade.outTradeNo(),
            payment ? "交易" : "退款",
            trade.subject() == null ? "" : trade.subject().replaceAll("[,\\r\\n\\t]", ""),
            TIME.format(trade.createdAt()),
            TIME.format(at),
            "",
            "",
            "",
            "",
            BUYER,
            orderAmount.toPlainString(),
            received.toPlainString(),
            ZERO,
            ZERO,
            ZERO,
            ZERO,
            ZERO,
            "",
            ZERO,
            ZERO,
            refundRequestNo,
            fee.toPlainString(),
            ZERO,
            "");
    StringBuilder text = new StringBuilder();
    for (String field : fields) {
      if (!text.isEmpty()) {
        text.append(',');
      }
      text.append(field).append('\t');
    }
    return new Row(at, payment, orderAmount, received, fee, text.toString());
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static void line(StringBuilder text, String line) {
    text.append(line).append(CRLF);
  }

  private static boolean onDay(Instant at, LocalDate day) {
    return at.atZone(CHINA).toLocalDate().equals(day);
  }
}
