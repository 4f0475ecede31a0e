package io.kameng.sandbox.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox gateway's trades, in memory: a simulator keeps no books across restarts. */
@ApplicationScoped
public class Trades {

  @jakarta.inject.Inject GatewayClock clock;

  private final Map<String, Trade> byTradeNo = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());

  public Trade create(
      String outTradeNo, BigDecimal amount, String subject, String notifyUrl, String returnUrl) {
    String tradeNo = "SBX" + sequence.incrementAndGet();
    Trade trade =
        new Trade(tradeNo, outTradeNo, amount, subject, notifyUrl, returnUrl, clock.now());
    byTradeNo.put(tradeNo, trade);
    return trade;
  }

  /**
   * Makes the paid trades of {@code bulk} (no notice is sent); they share the amount, and each
   * costs its two numbers, its time and its map entry.
   */
  public void addBulk(BulkTrades bulk) {
    BigDecimal amount = bulk.amount().setScale(2);
    for (int i = 0; i < bulk.count(); i++) {
      String tradeNo = "SBX" + sequence.incrementAndGet();
      byTradeNo.put(tradeNo, Trade.paid(tradeNo, bulk.outTradeNo(i), amount, bulk.paidAt(i)));
    }
  }

  public Optional<Trade> byTradeNo(String tradeNo) {
    return Optional.ofNullable(byTradeNo.get(tradeNo));
  }

  /** Every trade, oldest first. */
  public java.util.List<Trade> all() {
    return byTradeNo.values().stream().sorted(Comparator.comparing(Trade::createdAt)).toList();
  }

  /** The latest trade for a merchant reference. */
  public Optional<Trade> byOutTradeNo(String outTradeNo) {
    return byTradeNo.values().stream()
        .filter(trade -> trade.outTradeNo().equals(outTradeNo))
        .max(Comparator.comparing(Trade::createdAt));
  }
}
