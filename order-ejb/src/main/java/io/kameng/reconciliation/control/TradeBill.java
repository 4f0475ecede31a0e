package io.kameng.reconciliation.control;

import io.kameng.reconciliation.entity.LineType;
import io.kameng.reconciliation.entity.StatementLine;
import io.kameng.reconciliation.entity.StatementRefusedException;
import io.kameng.reconciliation.entity.StatementTotals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An Alipay-style trade bill ({@code bill_type=trade}): a {@code csv.zip} whose entries (names too)
 * are GBK; the detail entry {@code *_业务明细.csv} has {@code #} header lines, a {@code
 * #-----业务明细列表-----} marker, the column row, one row per payment (业务类型 交易) and per refund (退款,
 * negative amounts, keyed by 退款批次号/请求号), an end marker and the trailer totals ({@code
 * #交易合计：N笔，商家实收共X元…}, {@code #退款合计：M笔，商家实收退款共-Y元…}). Columns are found by name, so extra or
 * reordered columns are fine; fields may carry stray tabs. Times are China time.
 */
public final class TradeBill implements StatementFormat {

  static final Charset GBK = Charset.forName("GBK");
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Pattern TRADES = Pattern.compile("#交易合计：(\\d+)笔，商家实收共(-?[\\d.]+)元.*");
  private static final Pattern REFUNDS = Pattern.compile("#退款合计：(\\d+)笔，商家实收退款共(-?[\\d.]+)元.*");

  static final String TRADE_NO = "支付宝交易号";
  static final String OUT_TRADE_NO = "商户订单号";
  static final String TYPE = "业务类型";
  static final String COMPLETED = "完成时间";
  static final String RECEIVED = "商家实收（元）";
  static final String REFUND_NO = "退款批次号/请求号";
  static final String FEE = "服务费（元）";

  @Override
  public StatementTotals check(Path file) {
    long payments = 0;
    long refunds = 0;
    BigDecimal received = BigDecimal.ZERO.setScale(2);
    BigDecimal refunded = BigDecimal.ZERO.setScale(2);
    BigDecimal fees = BigDecimal.ZERO.setScale(2);
    try (Detail detail = new Detail(file)) {
      for (Optional<StatementLine> row = detail.next(); row.isPresent(); row = detail.next()) {
        StatementLine line = row.get();
        if (line.type() == LineType.PAYMENT) {
          payments++;
          received = received.add(line.amount());
        } else {
          refunds++;
          refunded = refunded.add(line.amount());
        }
        fees = fees.add(line.fee());
      }
      Trailer trailer = detail.trailer();
      if (trailer.payments() != payments || trailer.received().compareTo(received) != 0) {
        throw new StatementRefusedException(
            "The trailer says %d payments of %s, the rows are %d of %s"
                .formatted(
                    trailer.payments(),
                    trailer.received().toPlainString(),
                    payments,
                    received.toPlainString()));
      }
      if (trailer.refunds() != refunds || trailer.refunded().compareTo(refunded) != 0) {
        throw new StatementRefusedException(
            "The trailer says %d refunds of %s, the rows are %d of %s"
                .formatted(
                    trailer.refunds(),
                    trailer.refunded().toPlainString(),
                    refunds,
                    refunded.toPlainString()));
      }
    } catch (IOException e) {
      throw new StatementRefusedException("The bill cannot be read: " + e.getMessage());
    }
    return new StatementTotals(payments + refunds, received, refunded.negate(), fees);
  }

  @Override
  public Rows open(Path file, long skip) throws IOException {
    Detail detail = new Detail(file);
    for (long i = 0; i < skip && detail.next().isPresent(); i++) {
      // skipped: loaded before the last checkpoint
    }
    return detail;
  }

  private record Trailer(long payments, BigDecimal received, long refunds, BigDecimal refunded) {}

  /** The detail entry, read line by line. */
  private static final class Detail implements Rows {

    private final ZipFile zip;
    private final BufferedReader reader;
    private final Map<String, Integer> columns = new HashMap<>();
    private int rowNo;
    private boolean ended;

    Detail(Path file) throws IOException {
      try {
        zip = new ZipFile(file.toFile(), GBK);
      } catch (IOException e) {
        throw new StatementRefusedException("Not a zip file: " + e.getMessage());
      }
      try {
        ZipEntry entry = detailEntry(zip);
        reader =
            new BufferedReader(
                new InputStreamReader(
                    zip.getInputStream(entry),
                    GBK.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
        readHeader();
      } catch (RuntimeException | IOException e) {
        zip.close();
        throw e;
      }
    }

    private static ZipEntry detailEntry(ZipFile zip) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().endsWith("_业务明细.csv")) {
          return entry;
        }
      }
      throw new StatementRefusedException("The zip has no detail entry (*_业务明细.csv, GBK names)");
    }

    private void readHeader() throws IOException {
      String line;
      while ((line = readLine()) != null) {
        if (line.startsWith("#") && line.contains("业务明细列表") && !line.contains("结束")) {
          String header = readLine();
          if (header == null) {
            throw new StatementRefusedException("Truncated: no column row after the start marker");
          }
          String[] names = header.split(",", -1);
          for (int i = 0; i < names.length; i++) {
            columns.put(clean(names[i]), i);
          }
          for (String required :
              new String[] {TRADE_NO, OUT_TRADE_NO, TYPE, COMPLETED, RECEIVED, REFUND_NO, FEE}) {
            if (!columns.containsKey(required)) {
              throw new StatementRefusedException(
                  "The column row has no " + required + " (is the file GBK?)");
            }
          }
          return;
        }
      }
      throw new StatementRefusedException("No start marker (#-----业务明细列表-----): not a trade bill");
    }

    private String readLine() throws IOException {
      try {
        return reader.readLine();
      } catch (CharacterCodingException e) {
        throw new StatementRefusedException("The bill is not GBK text: " + e);
      }
    }

    @Override
    public Optional<StatementLine> next() throws IOException {
      if (ended) {
        return Optional.empty();
      }
      String line = readLine();
      if (line == null) {
        throw new StatementRefusedException(
            "Truncated after row " + rowNo + ": no end marker and no trailer");
      }
      if (line.startsWith("#")) {
        if (!line.contains("业务明细列表结束")) {
          throw new StatementRefusedException("Unexpected line after row " + rowNo + ": " + line);
        }
        ended = true;
        return Optional.empty();
      }
      rowNo++;
      return Optional.of(row(line));
    }

    private StatementLine row(String line) {
      String[] fields = line.split(",", -1);
      if (fields.length < columns.size()) {
        throw new StatementRefusedException(
            "Row " + rowNo + " has " + fields.length + " of " + columns.size() + " fields");
      }
      try {
        String type = field(fields, TYPE);
        LineType lineType =
            switch (type) {
              case "交易" -> LineType.PAYMENT;
              case "退款" -> LineType.REFUND;
              default ->
                  throw new StatementRefusedException("Row " + rowNo + ": unknown 业务类型 " + type);
            };
        String refundNo = field(fields, REFUND_NO);
        return new StatementLine(
            rowNo,
            lineType,
            field(fields, OUT_TRADE_NO),
            field(fields, TRADE_NO),
            lineType == LineType.REFUND && !refundNo.isEmpty() ? refundNo : null,
            new BigDecimal(field(fields, RECEIVED)).setScale(2),
            new BigDecimal(field(fields, FEE)).negate().setScale(2),
            LocalDateTime.parse(field(fields, COMPLETED), TIME).atZone(CHINA).toInstant(),
            line.replace("\t", ""));
      } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
        throw new StatementRefusedException("Row " + rowNo + " cannot be read: " + e.getMessage());
      }
    }

    private String field(String[] fields, String column) {
      return clean(fields[columns.get(column)]);
    }

    /** The trailer, once every row was read. */
    Trailer trailer() throws IOException {
      if (!ended) {
        throw new IllegalStateException("Rows left");
      }
      Matcher trades = null;
      Matcher refunds = null;
      String line;
      while ((line = readLine()) != null) {
        Matcher t = TRADES.matcher(clean(line));
        Matcher r = REFUNDS.matcher(clean(line));
        if (t.matches()) {
          trades = t;
        } else if (r.matches()) {
          refunds = r;
        }
      }
      if (trades == null || refunds == null) {
        throw new StatementRefusedException("No trailer totals (#交易合计 / #退款合计)");
      }
      return new Trailer(
          Long.parseLong(trades.group(1)),
          new BigDecimal(trades.group(2)),
          Long.parseLong(refunds.group(1)),
          new BigDecimal(refunds.group(2)));
    }

    @Override
    public void close() throws IOException {
      try {
        reader.close();
      } finally {
        zip.close();
      }
    }
  }

  static String clean(String field) {
    return field.replace("\t", "").strip();
  }
}
