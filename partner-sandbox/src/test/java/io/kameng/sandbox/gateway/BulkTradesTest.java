package io.kameng.sandbox.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class BulkTradesTest {

  private static final LocalDate DAY = LocalDate.of(2027, 6, 1);

  @Test
  void numbersArePrefixedZeroPaddedAndFirstAttempts() {
    BulkTrades bulk = new BulkTrades(DAY, 3, "9100", new BigDecimal("10.00"));
    assertEquals("910000000000P1", bulk.outTradeNo(0));
    assertEquals("910000000002P1", bulk.outTradeNo(2));
    assertEquals("9100123456789P1", bulk.outTradeNo(123_456_789));
  }

  @Test
  void paidEvenlyOverTheDayNeverInItsLastHalfHour() {
    BulkTrades bulk = new BulkTrades(DAY, 1_000, "91", new BigDecimal("10.00"));
    Instant start = china("2027-06-01T00:00:00");
    Instant quiet = china("2027-06-01T23:30:00");
    assertEquals(start, bulk.paidAt(0));
    // 23.5 hours over 1,000 trades: 84.6 s apart.
    assertEquals(start.plusMillis(84_600), bulk.paidAt(1));
    assertTrue(bulk.paidAt(999).isBefore(quiet));
    assertTrue(bulk.paidAt(999).isAfter(china("2027-06-01T23:28:00")));
    for (int i = 1; i < 1_000; i++) {
      assertTrue(bulk.paidAt(i).isAfter(bulk.paidAt(i - 1)));
    }
  }

  @Test
  void refusesWhatCannotBeMade() {
    BigDecimal ten = new BigDecimal("10.00");
    assertThrows(IllegalArgumentException.class, () -> new BulkTrades(DAY, 0, "91", ten));
    assertThrows(IllegalArgumentException.class, () -> new BulkTrades(DAY, 10, "9a", ten));
    assertThrows(IllegalArgumentException.class, () -> new BulkTrades(DAY, 10, "", ten));
    assertThrows(
        IllegalArgumentException.class, () -> new BulkTrades(DAY, 10, "91", new BigDecimal("-1")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BulkTrades(DAY, 10, "91", new BigDecimal("1.001")));
  }

  @Test
  void madePaidWithUniqueTradeNumbersAndBilledLikeAnyTrade() throws Exception {
    Trades trades = new Trades();
    trades.addBulk(new BulkTrades(DAY, 2_000, "92", new BigDecimal("10")));
    List<Trade> all = trades.all();
    assertEquals(2_000, all.size());
    Set<String> tradeNos = new HashSet<>();
    for (Trade trade : all) {
      assertEquals(Trade.Status.TRADE_SUCCESS, trade.status());
      assertEquals(new BigDecimal("10.00"), trade.amount());
      assertEquals(trade.createdAt(), trade.paidAt());
      assertNull(trade.notifyUrl().isEmpty() ? null : trade.notifyUrl());
      tradeNos.add(trade.tradeNo());
    }
    assertEquals(2_000, tradeNos.size());
    assertEquals("9200001999P1", trades.byOutTradeNo("9200001999P1").orElseThrow().outTradeNo());

    TradeBill bill =
        TradeBill.prepare(
            all, DAY, china("2027-06-02T02:00:00"), null, outTradeNo -> Optional.empty());
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    bill.zip(DAY, zip);
    String detail;
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), TradeBill.GBK)) {
      assertEquals(TradeBill.detailName(DAY), in.getNextEntry().getName());
      detail = new String(in.readAllBytes(), TradeBill.GBK);
      assertEquals(TradeBill.summaryName(DAY), in.getNextEntry().getName());
    }
    String[] lines = detail.split("\r\n");
    // Header (4), columns, 2,000 rows in order of payment, end marker, 2 totals, export time.
    assertEquals(5 + 2_000 + 4, lines.length);
    assertTrue(lines[5].startsWith("SBX"), lines[5]);
    assertTrue(lines[5].contains(",9200000000P1\t,交易\t,"), lines[5]);
    assertTrue(lines[5].contains(",2027-06-01 00:00:00\t,"), lines[5]);
    assertTrue(lines[5 + 1_999].contains(",9200001999P1\t,"), lines[5 + 1_999]);
    assertEquals("#交易合计：2000笔，商家实收共20000.00元，商家优惠共0.00元", lines[5 + 2_000 + 1]);
  }

  private static Instant china(String localTime) {
    return LocalDateTime.parse(localTime).atZone(TradeBill.CHINA).toInstant();
  }
}
