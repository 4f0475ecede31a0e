package io.kameng.sandbox.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gateway's daily statement, as a merchant downloads it for reconciliation: one CSV line per
 * payment and per refund of a China-time day, with the gateway's fee (0.6 % of a payment, given
 * back in proportion on a refund).
 */
final class Statement {

  static final String HEADER = "type,trade_no,out_trade_no,refund_request_no,amount,fee,time";
  static final BigDecimal FEE_RATE = new BigDecimal("0.006");
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

  private record Line(Instant at, String text) {}

  private Statement() {}

  static String of(List<Trade> trades, LocalDate day) {
    List<Line> lines = new ArrayList<>();
    for (Trade trade : trades) {
      Instant paidAt = trade.paidAt();
      if (paidAt != null && onDay(paidAt, day)) {
        lines.add(
            new Line(
                paidAt,
                String.join(
                    ",",
                    "PAYMENT",
                    trade.tradeNo(),
                    trade.outTradeNo(),
                    "",
                    trade.amount().toPlainString(),
                    fee(trade.amount()).toPlainString(),
                    TIME.format(paidAt))));
      }
      for (Trade.RefundLine refund : trade.refundLines()) {
        if (onDay(refund.at(), day)) {
          lines.add(
              new Line(
                  refund.at(),
                  String.join(
                      ",",
                      "REFUND",
                      trade.tradeNo(),
                      trade.outTradeNo(),
                      refund.requestNo(),
                      refund.amount().negate().toPlainString(),
                      fee(refund.amount()).negate().toPlainString(),
                      TIME.format(refund.at()))));
        }
      }
    }
    lines.sort(Comparator.comparing(Line::at));
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    lines.forEach(line -> csv.append(line.text()).append('\n'));
    return csv.toString();
  }

  static BigDecimal fee(BigDecimal amount) {
    return amount.multiply(FEE_RATE).setScale(2, RoundingMode.HALF_UP);
  }

  private static boolean onDay(Instant at, LocalDate day) {
    return at.atZone(CHINA).toLocalDate().equals(day);
  }
}
