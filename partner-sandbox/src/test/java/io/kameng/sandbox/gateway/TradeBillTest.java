package io.kameng.sandbox.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class TradeBillTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  private static final Instant EXPORTED = china("2026-12-02T02:00:00");

  private final List<Trade> trades = new ArrayList<>();

  @Test
  void aDayWithPaymentsAndARefund() {
    paid("2026120122001400001001", "202612011234567890P1", "10.00", "2026-12-01T10:00:00");
    Trade second =
        paid("2026120122001400001002", "202612011234567890P2", "20.00", "2026-12-01T11:00:00");
    second.refund("202612011234567890P2R1", new BigDecimal("10.00"), china("2026-12-01T12:00:00"));

    TradeBill.Files bill = bill(null);

    assertEquals(
        String.join(
            "\r\n",
            "#支付宝业务明细查询",
            "#账号：[20881234567890120156]",
            "#起始日期：[2026年12月01日 00:00:00]   终止日期：[2026年12月02日 00:00:00]",
            "#-----------------------------------------业务明细列表----------------------------------------",
            "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,"
                + "支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,"
                + "退款批次号/请求号,服务费（元）,分润（元）,备注",
            "2026120122001400001001\t,202612011234567890P1\t,交易\t,话费充值\t,2026-12-01 09:59:00\t,"
                + "2026-12-01 10:00:00\t,\t,\t,\t,\t,buyer@sandbox\t,10.00\t,10.00\t,0.00\t,0.00\t,"
                + "0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,\t,-0.06\t,0.00\t,\t",
            "2026120122001400001002\t,202612011234567890P2\t,交易\t,话费充值\t,2026-12-01 10:59:00\t,"
                + "2026-12-01 11:00:00\t,\t,\t,\t,\t,buyer@sandbox\t,20.00\t,20.00\t,0.00\t,0.00\t,"
                + "0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,\t,-0.12\t,0.00\t,\t",
            "2026120122001400001002\t,202612011234567890P2\t,退款\t,话费充值\t,2026-12-01 10:59:00\t,"
                + "2026-12-01 12:00:00\t,\t,\t,\t,\t,buyer@sandbox\t,20.00\t,-10.00\t,0.00\t,0.00\t,"
                + "0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,202612011234567890P2R1\t,0.06\t,0.00\t,\t",
            "#-----------------------------------------业务明细列表结束------------------------------------",
            "#交易合计：2笔，商家实收共30.00元，商家优惠共0.00元",
            "#退款合计：1笔，商家实收退款共-10.00元，商家优惠退款共0.00元",
            "#导出时间：[2026年12月02日 02:00:00]",
            ""),
        bill.detail());
    assertEquals(
        String.join(
            "\r\n",
            "#支付宝业务汇总查询",
            "#账号：[20881234567890120156]",
            "#起始日期：[2026年12月01日 00:00:00]   终止日期：[2026年12月02日 00:00:00]",
            "#-----------------------------------------业务汇总列表----------------------------------------",
            "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,"
                + "服务费（元）,分润（元）,实收净额（元）",
            "合计,,2,1,30.00,20.00,0.00,0.00,0.00,-0.12,0.00,19.88",
            "#-----------------------------------------业务汇总列表结束------------------------------------",
            "#导出时间：[2026年12月02日 02:00:00]",
            ""),
        bill.summary());
  }

  @Test
  void theDayIsTheChinaTimeDayByTheExactInstant() {
    paid("T1", "LATE", "1.00", "2026-11-30T23:59:59.900");
    paid("T2", "FIRST", "1.00", "2026-12-01T00:00:00.100");
    paid("T3", "LAST", "1.00", "2026-12-01T23:59:59.900");
    paid("T4", "NEXT", "1.00", "2026-12-02T00:00:00.100");
    // A refund made on the day of a payment made the day before is in the day's bill.
    trades.get(0).refund("LATE-R1", new BigDecimal("1.00"), china("2026-12-01T08:00:00"));

    List<Map<String, String>> rows = rows(bill(null).detail());

    assertEquals(
        List.of("FIRST/交易", "LATE/退款", "LAST/交易"),
        rows.stream().map(row -> row.get("商户订单号") + "/" + row.get("业务类型")).toList());
  }

  @Test
  void theFeeIsPointSixPercentRoundedHalfUpToTheCent() {
    assertEquals(new BigDecimal("0.57"), TradeBill.fee(new BigDecimal("95.00")));
    assertEquals(new BigDecimal("0.29"), TradeBill.fee(new BigDecimal("48.00")));
    assertEquals(new BigDecimal("0.01"), TradeBill.fee(new BigDecimal("1.25")));
    assertEquals(new BigDecimal("0.00"), TradeBill.fee(new BigDecimal("0.83")));
    assertEquals(new BigDecimal("0.01"), TradeBill.fee(new BigDecimal("0.84")));

    Trade trade = paid("T1", "P1", "95.00", "2026-12-01T10:00:00");
    trade.refund("P1R1", new BigDecimal("48.00"), china("2026-12-01T11:00:00"));
    List<Map<String, String>> rows = rows(bill(null).detail());
    assertEquals("-0.57", rows.get(0).get("服务费（元）"));
    assertEquals("0.29", rows.get(1).get("服务费（元）"));
    assertEquals("-48.00", rows.get(1).get("商家实收（元）"));
    assertEquals("95.00", rows.get(1).get("订单金额（元）"));
    assertTrue(
        bill(null).summary().contains("合计,,1,1,95.00,47.00,0.00,0.00,0.00,-0.28,0.00,46.72"));
  }

  @Test
  void commasAreStrippedFromTheSubject() {
    trades.add(trade("T1", "P1", "1.00", "a, b,c", "2026-12-01T10:00:00"));
    trades.get(0).pay(china("2026-12-01T10:00:00"));
    assertEquals("a bc", rows(bill(null).detail()).get(0).get("商品名称"));
  }

  @Test
  void anEmptyDayHasTheHeaderTheMarkersAndATrailerOfNothing() {
    paid("T1", "OTHER", "1.00", "2026-12-02T10:00:00");
    TradeBill.Files bill = bill(null);
    List<String> lines = bill.detail().lines().toList();
    assertEquals(9, lines.size());
    assertEquals(TradeBill.DETAIL_COLUMNS, lines.get(4));
    assertEquals(TradeBill.DETAIL_END, lines.get(5));
    assertEquals("#交易合计：0笔，商家实收共0.00元，商家优惠共0.00元", lines.get(6));
    assertEquals("#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元", lines.get(7));
    assertTrue(bill.summary().contains("\r\n合计,,0,0,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00\r\n"));
  }

  @Test
  void aTruncatedBillStopsInTheMiddleOfARow() {
    paid("T1", "P1", "10.00", "2026-12-01T10:00:00");
    paid("T2", "P2", "20.00", "2026-12-01T11:00:00");
    String whole = bill(null).detail();

    String cut = bill(BillFault.TRUNCATED).detail();

    assertTrue(whole.startsWith(cut));
    assertFalse(cut.contains(TradeBill.DETAIL_END));
    assertFalse(cut.contains("#交易合计"));
    assertFalse(cut.endsWith("\r\n"));
    String last = cut.substring(cut.lastIndexOf("\r\n") + 2);
    assertTrue(last.startsWith("T2\t,P2\t,"), last);
    assertTrue(last.split(",").length < 25, last);
    // The zip is whole all the same.
    Map<String, String> entries = unzip(TradeBill.zip(DAY, bill(BillFault.TRUNCATED)));
    assertEquals(cut, entries.get("20881234567890120156_20261201_业务明细.csv"));
  }

  @Test
  void aBadTrailerCountsOneMoreAndACentMore() {
    paid("T1", "P1", "10.00", "2026-12-01T10:00:00");
    paid("T2", "P2", "20.00", "2026-12-01T11:00:00");
    String detail = bill(BillFault.BAD_TRAILER).detail();
    assertTrue(detail.contains("\r\n#交易合计：3笔，商家实收共30.01元，商家优惠共0.00元\r\n"), detail);
    assertEquals(2, rows(detail).size());
  }

  @Test
  void aWrongFeeIsACentMoreForThatPaymentOnly() {
    paid("T1", "P1", "10.00", "2026-12-01T10:00:00");
    paid("T2", "P2", "20.00", "2026-12-01T11:00:00");
    TradeBill.Files bill =
        TradeBill.of(
            trades,
            DAY,
            EXPORTED,
            null,
            outTradeNo ->
                outTradeNo.equals("P1") ? Optional.of(BillFault.WRONG_FEE) : Optional.empty());
    List<Map<String, String>> rows = rows(bill.detail());
    assertEquals("-0.07", rows.get(0).get("服务费（元）"));
    assertEquals("-0.12", rows.get(1).get("服务费（元）"));
    assertTrue(bill.summary().contains("合计,,2,0,30.00,30.00,0.00,0.00,0.00,-0.19,0.00,29.81"));
  }

  @Test
  void aWrongAmountIsAYuanMoreAndTheSumsFollowTheRows() {
    paid("T1", "P1", "10.00", "2026-12-01T10:00:00");
    paid("T2", "P2", "20.00", "2026-12-01T11:00:00");
    TradeBill.Files bill =
        TradeBill.of(
            trades,
            DAY,
            EXPORTED,
            null,
            outTradeNo ->
                outTradeNo.equals("P2") ? Optional.of(BillFault.WRONG_AMOUNT) : Optional.empty());
    List<Map<String, String>> rows = rows(bill.detail());
    assertEquals("21.00", rows.get(1).get("订单金额（元）"));
    assertEquals("21.00", rows.get(1).get("商家实收（元）"));
    assertEquals("-0.12", rows.get(1).get("服务费（元）"));
    assertEquals("10.00", rows.get(0).get("商家实收（元）"));
    assertTrue(bill.detail().contains("#交易合计：2笔，商家实收共31.00元，商家优惠共0.00元"));
    assertTrue(bill.summary().contains("合计,,2,0,31.00,31.00,0.00,0.00,0.00,-0.18,0.00,30.82"));
  }

  @Test
  void theZipHoldsBothFilesInGbk() throws Exception {
    paid("T1", "P1", "10.00", "2026-12-01T10:00:00");
    TradeBill.Files bill = bill(null);
    byte[] zip = TradeBill.zip(DAY, bill);

    Map<String, String> entries = unzip(zip);

    assertEquals(
        List.of(
            "20881234567890120156_20261201_业务明细.csv", "20881234567890120156_20261201_业务明细(汇总).csv"),
        List.copyOf(entries.keySet()));
    assertEquals(bill.detail(), entries.get("20881234567890120156_20261201_业务明细.csv"));
    assertEquals(bill.summary(), entries.get("20881234567890120156_20261201_业务明细(汇总).csv"));
    assertEquals("20881234567890120156_20261201.csv.zip", TradeBill.zipName(DAY));
    // Not UTF-8: the bytes of 业务 in GBK are in the file.
    String raw = new String(zip, TradeBill.GBK);
    assertTrue(raw.contains("_业务明细.csv"));
  }

  private TradeBill.Files bill(BillFault dayFault) {
    return TradeBill.of(trades, DAY, EXPORTED, dayFault, outTradeNo -> Optional.empty());
  }

  private Trade paid(String tradeNo, String outTradeNo, String amount, String paidAt) {
    Trade trade = trade(tradeNo, outTradeNo, amount, "话费充值", paidAt);
    trade.pay(china(paidAt));
    trades.add(trade);
    return trade;
  }

  private static Trade trade(
      String tradeNo, String outTradeNo, String amount, String subject, String paidAt) {
    return new Trade(
        tradeNo,
        outTradeNo,
        new BigDecimal(amount),
        subject,
        "http://127.0.0.1:9/notify",
        "",
        china(paidAt).minusSeconds(60));
  }

  private static Instant china(String localTime) {
    return LocalDateTime.parse(localTime).atZone(TradeBill.CHINA).toInstant();
  }

  /** The detail file's rows by column name, the tab after each field taken off. */
  private static List<Map<String, String>> rows(String detail) {
    String[] columns = TradeBill.DETAIL_COLUMNS.split(",");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : detail.split("\r\n")) {
      if (line.startsWith("#") || line.equals(TradeBill.DETAIL_COLUMNS)) {
        continue;
      }
      String[] fields = line.split(",", -1);
      assertEquals(columns.length, fields.length, line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.length; i++) {
        assertTrue(fields[i].endsWith("\t"), line);
        row.put(columns[i], fields[i].substring(0, fields[i].length() - 1));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, String> unzip(byte[] zip) {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), TradeBill.GBK)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), TradeBill.GBK));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return entries;
  }
}
