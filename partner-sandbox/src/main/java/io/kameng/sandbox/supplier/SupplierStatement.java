package io.kameng.sandbox.supplier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The supplier's daily statement of one line ({@code main}: orders {@code SUP…}, {@code backup}:
 * {@code BAK…}): every recharge that finished, SUCCESS or FAILED, that China-time day by the
 * sandbox's clock — whether or not its caller heard of it — then a total line.
 */
final class SupplierStatement {

  static final String HEADER = "request_id,supplier_order_no,account,amount,result,completed_at";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

  private SupplierStatement() {}

  static String of(List<Recharge> recharges, String line, LocalDate day) {
    String prefix = line.equals("backup") ? "BAK" : "SUP";
    List<Recharge> finished =
        recharges.stream()
            .filter(recharge -> recharge.supplierOrderNo().startsWith(prefix))
            .filter(recharge -> recharge.status() != Recharge.Status.PROCESSING)
            .filter(recharge -> onDay(recharge.finishedAt(), day))
            .sorted(Comparator.comparing(Recharge::finishedAt).thenComparing(Recharge::requestId))
            .toList();
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Recharge recharge : finished) {
      BigDecimal amount = recharge.amount().setScale(2, RoundingMode.HALF_UP);
      total = total.add(amount);
      csv.append(
              String.join(
                  ",",
                  recharge.requestId(),
                  recharge.supplierOrderNo(),
                  recharge.account().replace(",", ""),
                  amount.toPlainString(),
                  recharge.status().name(),
                  TIME.format(recharge.finishedAt())))
          .append('\n');
    }
    csv.append("TOTAL,").append(finished.size()).append(',').append(total.toPlainString());
    return csv.append('\n').toString();
  }

  private static boolean onDay(Instant at, LocalDate day) {
    return at != null && at.atZone(CHINA).toLocalDate().equals(day);
  }
}
