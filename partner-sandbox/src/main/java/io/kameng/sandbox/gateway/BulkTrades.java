package io.kameng.sandbox.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A batch of paid trades made at once for a load test ({@code POST /sandbox/api/gateway/bulk}):
 * {@code count} trades of {@code amount}, out_trade_no {@code <prefix><index zero-padded to 8>P1}
 * (index from 0), paid at times spread evenly over the China-time {@code day} short of its last 30
 * minutes (so none falls into the platform's cut-off margin), no notice sent.
 */
record BulkTrades(LocalDate day, int count, String prefix, BigDecimal amount) {

  /** The most one call makes (a few hundred bytes of heap each). */
  static final int MAX_COUNT = 5_000_000;

  /** The end of the day that no bulk trade is paid in. */
  static final Duration QUIET_END = Duration.ofMinutes(30);

  BulkTrades {
    if (day == null) {
      throw new IllegalArgumentException("day: yyyy-MM-dd");
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count: 1 to " + MAX_COUNT);
    }
    if (prefix == null || !prefix.matches("[0-9]{1,40}")) {
      throw new IllegalArgumentException("prefix: 1 to 40 digits");
    }
    if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
      throw new IllegalArgumentException("amount: more than 0, at most 2 decimals");
    }
  }

  /** The merchant's reference of the trade at {@code index}. */
  String outTradeNo(int index) {
    String digits = Integer.toString(index);
    StringBuilder no = new StringBuilder(prefix.length() + Math.max(8, digits.length()) + 2);
    no.append(prefix);
    for (int i = digits.length(); i < 8; i++) {
      no.append('0');
    }
    return no.append(digits).append("P1").toString();
  }

  /** When the trade at {@code index} was paid: evenly spread from the day's start. */
  Instant paidAt(int index) {
    Instant start = day.atStartOfDay(TradeBill.CHINA).toInstant();
    long span =
        Duration.between(start, day.plusDays(1).atStartOfDay(TradeBill.CHINA).toInstant())
            .minus(QUIET_END)
            .toMillis();
    return start.plusMillis(Math.floorDiv(span * index, count));
  }
}
