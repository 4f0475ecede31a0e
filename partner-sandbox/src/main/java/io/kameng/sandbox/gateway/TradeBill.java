package io.kameng.sandbox.gateway;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

  /** One row of the detail: a payment ({@code refund} null) or a refund of a trade. */
  private record Entry(Instant at, Trade trade, Trade.RefundLine refund) {}

  private final List<Entry> entries;
  private final Instant exportedAt;
  private final LocalDate day;
  private final BillFault dayFault;
  private final Function<String, Optional<BillFault>> tradeFault;
  private int payments;
  private int refunds;
  private BigDecimal ordered = money(BigDecimal.ZERO);
  private BigDecimal received = money(BigDecimal.ZERO);
  private BigDecimal refunded = money(BigDecimal.ZERO);
  private BigDecimal fees = money(BigDecimal.ZERO);

  private TradeBill(
      List<Entry> entries,
      LocalDate day,
      Instant exportedAt,
      BillFault dayFault,
      Function<String, Optional<BillFault>> tradeFault) {
    this.entries = entries;
    this.day = day;
    this.exportedAt = exportedAt;
    this.dayFault = dayFault;
    this.tradeFault = tradeFault;
  }

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
   * fault (or null) and each payment's ({@code tradeFault} by out_trade_no), as text (small bills:
   * tests).
   */
  static Files of(
      List<Trade> trades,
      LocalDate day,
      Instant exportedAt,
      BillFault dayFault,
      Function<String, Optional<BillFault>> tradeFault) {
    TradeBill bill = prepare(trades, day, exportedAt, dayFault, tradeFault);
    StringWriter detail = new StringWriter();
    StringWriter summary = new StringWriter();
    try {
      bill.writeDetail(detail);
      bill.writeSummary(summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Files(detail.toString(), summary.toString());
  }

  /**
   * The bill of {@code day} ready to be written: its rows in order of completion and its totals,
   * each row's text made only while it is written, so a bill of a million rows costs a small
   * reference per row, never its whole text.
   */
  static TradeBill prepare(
      List<Trade> trades,
      LocalDate day,
      Instant exportedAt,
      BillFault dayFault,
      Function<String, Optional<BillFault>> tradeFault) {
    List<Entry> entries = new ArrayList<>();
    for (Trade trade : trades) {
      Instant paidAt = trade.paidAt();
      if (paidAt != null && onDay(paidAt, day)) {
        entries.add(new Entry(paidAt, trade, null));
      }
      for (Trade.RefundLine refund : trade.refundLines()) {
        if (onDay(refund.at(), day)) {
          entries.add(new Entry(refund.at(), trade, refund));
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::at));
    TradeBill bill = new TradeBill(entries, day, exportedAt, dayFault, tradeFault);
    for (Entry entry : entries) {
      Row row = bill.row(entry, false);
      if (row.payment()) {
        bill.payments++;
        bill.ordered = bill.ordered.add(row.orderAmount());
        bill.received = bill.received.add(row.received());
      } else {
        bill.refunds++;
        bill.refunded = bill.refunded.add(row.received());
      }
      bill.fees = bill.fees.add(row.fee());
    }
    return bill;
  }

  private String period() {
    return "#起始日期：["
        + HEADER_TIME.format(day.atStartOfDay(CHINA))
        + "]   终止日期：["
        + HEADER_TIME.format(day.plusDays(1).atStartOfDay(CHINA))
        + "]";
  }

  private String exported() {
    return "#导出时间：[" + HEADER_TIME.format(exportedAt) + "]";
  }

  /** Writes the detail file's text, row by row. */
  void writeDetail(Writer detail) throws IOException {
    line(detail, "#支付宝业务明细查询");
    line(detail, "#账号：[" + ACCOUNT + "]");
    line(detail, period());
    line(detail, DETAIL_START);
    boolean truncated = dayFault == BillFault.TRUNCATED;
    if (truncated && entries.isEmpty()) {
      // Cut off in the middle of the column names on a day without rows.
      detail.write(DETAIL_COLUMNS.substring(0, DETAIL_COLUMNS.length() / 2));
      return;
    }
    line(detail, DETAIL_COLUMNS);
    int last = entries.size() - 1;
    for (int i = 0; i <= last; i++) {
      String text = row(entries.get(i), true).text();
      if (truncated && i == last) {
        // Cut off in the middle of the last row.
        detail.write(text.substring(0, text.length() / 2));
        return;
      }
      line(detail, text);
    }
    int count = payments;
    BigDecimal sum = received;
    if (dayFault == BillFault.BAD_TRAILER) {
      count++;
      sum = sum.add(CENT);
    }
    line(detail, DETAIL_END);
    line(detail, "#交易合计：" + count + "笔，商家实收共" + sum.toPlainString() + "元，商家优惠共0.00元");
    line(detail, "#退款合计：" + refunds + "笔，商家实收退款共" + refunded.toPlainString() + "元，商家优惠退款共0.00元");
    line(detail, exported());
  }

  /** Writes the summary file's text. */
  void writeSummary(Writer summary) throws IOException {
    BigDecimal net = received.add(refunded);
    line(summary, "#支付宝业务汇总查询");
    line(summary, "#账号：[" + ACCOUNT + "]");
    line(summary, period());
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
    line(summary, exported());
  }

  /** Writes the bill as the download answers it, a zip of the two files (GBK), as it goes. */
  void zip(LocalDate day, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, GBK);
    // Not closed: closing the writer would close the zip before its second entry.
    Writer text = new BufferedWriter(new OutputStreamWriter(zip, GBK), 1 << 16);
    zip.putNextEntry(new ZipEntry(detailName(day)));
    writeDetail(text);
    text.flush();
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(summaryName(day)));
    writeSummary(text);
    text.flush();
    zip.closeEntry();
    zip.finish();
    zip.flush();
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

  /** The row of {@code entry}: its amounts, with the trade's fault, and its text if asked. */
  private Row row(Entry entry, boolean withText) {
    Trade trade = entry.trade();
    BigDecimal amount = money(trade.amount());
    if (entry.refund() == null) {
      BillFault fault = tradeFault.apply(trade.outTradeNo()).orElse(null);
      BigDecimal printed = fault == BillFault.WRONG_AMOUNT ? amount.add(BigDecimal.ONE) : amount;
      BigDecimal fee = fee(amount).negate();
      if (fault == BillFault.WRONG_FEE) {
        fee = fee.subtract(CENT);
      }
      return row(trade, entry.at(), true, printed, printed, "", fee, withText);
    }
    BigDecimal refundedAmount = money(entry.refund().amount());
    return row(
        trade,
        entry.at(),
        false,
        amount,
        refundedAmount.negate(),
        entry.refund().requestNo(),
        fee(refundedAmount),
        withText);
  }

  private static Row row(
      Trade trade,
      Instant at,
      boolean payment,
      BigDecimal orderAmount,
      BigDecimal received,
      String refundRequestNo,
      BigDecimal fee,
      boolean withText) {
    if (!withText) {
      return new Row(at, payment, orderAmount, received, fee, null);
    }
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

  private static void line(Writer text, String line) throws IOException {
    text.write(line);
    text.write(CRLF);
  }

  private static boolean onDay(Instant at, LocalDate day) {
    return at.atZone(CHINA).toLocalDate().equals(day);
  }
}
