package io.kameng.reconciliation.control;

import static io.kameng.reconciliation.control.TradeBills.bill;
import static io.kameng.reconciliation.control.TradeBills.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.reconciliation.entity.LineType;
import io.kameng.reconciliation.entity.StatementLine;
import io.kameng.reconciliation.entity.StatementRefusedException;
import io.kameng.reconciliation.entity.StatementTotals;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeBillTest {

  @TempDir Path dir;

  @BeforeAll
  static void tempFolder() throws IOException {
    // surefire points java.io.tmpdir at target/java-tmp, which nothing creates
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  private final TradeBill format = new TradeBill();

  private List<StatementLine> rows(Path file, long skip) throws IOException {
    List<StatementLine> rows = new ArrayList<>();
    try (StatementFormat.Rows open = format.open(file, skip)) {
      for (Optional<StatementLine> row = open.next(); row.isPresent(); row = open.next()) {
        rows.add(row.get());
      }
    }
    return rows;
  }

  @Test
  void checkAddsUpTheDay() throws IOException {
    StatementTotals totals = format.check(day().write(dir));

    assertThat(totals.lines()).isEqualTo(3);
    assertThat(totals.received()).isEqualByComparingTo("20.00");
    assertThat(totals.refunded()).isEqualByComparingTo("10.00");
    // 0.06 + 0.06 charged, 0.06 given back
    assertThat(totals.fees()).isEqualByComparingTo("0.06");
    assertThat(totals.net()).isEqualByComparingTo("9.94");
  }

  @Test
  void rowsAreReadWithTypesKeysSignsAndChinaTime() throws IOException {
    List<StatementLine> rows = rows(day().write(dir), 0);

    assertThat(rows).hasSize(3);
    StatementLine first = rows.get(0);
    assertThat(first.lineNo()).isEqualTo(1);
    assertThat(first.type()).isEqualTo(LineType.PAYMENT);
    assertThat(first.reference()).isEqualTo("PAY-0001");
    assertThat(first.partnerNo()).isEqualTo("2026120122001400001");
    assertThat(first.refundNo()).isNull();
    assertThat(first.amount()).isEqualTo(new BigDecimal("10.00"));
    assertThat(first.fee()).isEqualTo(new BigDecimal("0.06"));
    assertThat(first.completedAt()).isEqualTo(Instant.parse("2026-12-01T00:00:05Z"));
    assertThat(first.raw()).doesNotContain("\t").contains("PAY-0001").contains("交易");

    StatementLine refund = rows.get(2);
    assertThat(refund.lineNo()).isEqualTo(3);
    assertThat(refund.type()).isEqualTo(LineType.REFUND);
    assertThat(refund.reference()).isEqualTo("PAY-0001");
    assertThat(refund.partnerNo()).isEqualTo("2026120122001400001");
    assertThat(refund.refundNo()).isEqualTo("RF-0001");
    assertThat(refund.amount()).isEqualTo(new BigDecimal("-10.00"));
    assertThat(refund.fee()).isEqualTo(new BigDecimal("-0.06"));
    // 23:59:59 China time is still the 1st in China, 15:59:59 UTC
    assertThat(refund.completedAt()).isEqualTo(Instant.parse("2026-12-01T15:59:59Z"));
    assertThat(refund.raw()).doesNotContain("\t");
  }

  @Test
  void openContinuesAfterTheSkippedRows() throws IOException {
    Path file = day().write(dir);

    assertThat(rows(file, 2)).extracting(StatementLine::lineNo).containsExactly(3);
    assertThat(rows(file, 2).get(0).type()).isEqualTo(LineType.REFUND);
    assertThat(rows(file, 1))
        .extracting(StatementLine::reference)
        .containsExactly("PAY-0002", "PAY-0001");
    assertThat(rows(file, 3)).isEmpty();
    assertThat(rows(file, 10)).isEmpty();
  }

  @Test
  void anEmptyDayHasNoRows() throws IOException {
    Path file =
        bill()
            .trailer("#交易合计：0笔，商家实收共0.00元，商家优惠共0.00元", "#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元")
            .write(dir);

    StatementTotals totals = format.check(file);
    assertThat(totals.lines()).isZero();
    assertThat(totals.received()).isEqualByComparingTo("0");
    assertThat(totals.refunded()).isEqualByComparingTo("0");
    assertThat(totals.fees()).isEqualByComparingTo("0");
    assertThat(rows(file, 0)).isEmpty();
  }

  @Test
  void aTrailerWithAnotherPaymentCountIsRefused() throws IOException {
    Path file =
        day()
            .trailer("#交易合计：3笔，商家实收共20.00元，商家优惠共0.00元", "#退款合计：1笔，商家实收退款共-10.00元，商家优惠退款共0.00元")
            .write(dir);

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("trailer")
        .hasMessageContaining("3 payments")
        .hasMessageContaining("2 of 20.00");
  }

  @Test
  void aTrailerWithAnotherPaymentSumIsRefused() throws IOException {
    Path file =
        day()
            .trailer("#交易合计：2笔，商家实收共20.01元，商家优惠共0.00元", "#退款合计：1笔，商家实收退款共-10.00元，商家优惠退款共0.00元")
            .write(dir);

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("trailer")
        .hasMessageContaining("20.01");
  }

  @Test
  void aTrailerWithAnotherRefundCountOrSumIsRefused() throws IOException {
    Path count =
        day()
            .trailer("#交易合计：2笔，商家实收共20.00元，商家优惠共0.00元", "#退款合计：2笔，商家实收退款共-10.00元，商家优惠退款共0.00元")
            .write(dir, "count.csv.zip");
    Path sum =
        day()
            .trailer("#交易合计：2笔，商家实收共20.00元，商家优惠共0.00元", "#退款合计：1笔，商家实收退款共-9.00元，商家优惠退款共0.00元")
            .write(dir, "sum.csv.zip");

    assertThatThrownBy(() -> format.check(count))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("2 refunds");
    assertThatThrownBy(() -> format.check(sum))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("refunds of -9.00");
  }

  @Test
  void aDetailCutInTheMiddleOfARowIsRefused() throws IOException {
    TradeBills bill = day();
    String text = bill.detailText();
    int cut = text.indexOf("PAY-0002") + 4;
    Path file = bill.cutAt(cut).write(dir);

    assertThatThrownBy(() -> format.check(file)).isInstanceOf(StatementRefusedException.class);
    assertThatThrownBy(() -> rows(file, 0)).isInstanceOf(StatementRefusedException.class);
  }

  @Test
  void aDetailCutAfterAWholeRowIsRefusedAsTruncated() throws IOException {
    TradeBills bill = day();
    String text = bill.detailText();
    int cut = text.indexOf("\r\n", text.indexOf("PAY-0002")) + 2;
    Path file = bill.cutAt(cut).write(dir);

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("Truncated after row 2");
  }

  @Test
  void aDetailCutAfterTheEndMarkerWithoutTrailerIsRefused() throws IOException {
    TradeBills bill = day();
    String text = bill.detailText();
    int cut = text.indexOf("\r\n", text.indexOf("业务明细列表结束")) + 2;
    Path file = bill.cutAt(cut).write(dir);

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("No trailer");
  }

  @Test
  void theSameBillInUtf8IsRefused() throws IOException {
    Path file = day().charset(StandardCharsets.UTF_8).write(dir);

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("GBK");
  }

  @Test
  void anUnknownColumnAtTheEndIsIgnored() throws IOException {
    List<String> columns = new ArrayList<>(TradeBills.COLUMNS);
    columns.add("附加列");
    Path file = day().columns(columns).write(dir);

    assertThat(format.check(file).received()).isEqualByComparingTo("20.00");
    List<StatementLine> rows = rows(file, 0);
    assertThat(rows)
        .extracting(StatementLine::reference)
        .containsExactly("PAY-0001", "PAY-0002", "PAY-0001");
    assertThat(rows.get(2).refundNo()).isEqualTo("RF-0001");
    assertThat(rows.get(2).fee()).isEqualByComparingTo("-0.06");
  }

  @Test
  void columnsInAnotherOrderAreFoundByName() throws IOException {
    List<String> columns = new ArrayList<>(TradeBills.COLUMNS);
    java.util.Collections.reverse(columns);
    Path file = day().columns(columns).write(dir);

    StatementTotals totals = format.check(file);
    assertThat(totals.lines()).isEqualTo(3);
    assertThat(totals.fees()).isEqualByComparingTo("0.06");
    List<StatementLine> rows = rows(file, 0);
    assertThat(rows.get(0).partnerNo()).isEqualTo("2026120122001400001");
    assertThat(rows.get(0).reference()).isEqualTo("PAY-0001");
    assertThat(rows.get(0).amount()).isEqualByComparingTo("10.00");
    assertThat(rows.get(0).fee()).isEqualByComparingTo("0.06");
    assertThat(rows.get(2).type()).isEqualTo(LineType.REFUND);
    assertThat(rows.get(2).refundNo()).isEqualTo("RF-0001");
    assertThat(rows.get(2).completedAt()).isEqualTo(Instant.parse("2026-12-01T15:59:59Z"));
  }

  @Test
  void aZipWithoutTheDetailEntryIsRefused() throws IOException {
    Path file = day().withoutDetail().write(dir);

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("detail entry");
    assertThatThrownBy(() -> format.open(file, 0)).isInstanceOf(StatementRefusedException.class);
  }

  @Test
  void aFileThatIsNotAZipIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("bill.csv.zip"), "not a zip");

    assertThatThrownBy(() -> format.check(file)).isInstanceOf(StatementRefusedException.class);
  }

  @Test
  void anEntryNameFlaggedUtf8IsFoundToo() throws IOException {
    // the real bills name their entries in GBK; a UTF-8 name without the EFS flag is garbled
    Path file = dir.resolve("utf8-names.csv.zip");
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(TradeBills.DETAIL));
      zip.write(day().detailText().getBytes(TradeBills.GBK));
      zip.closeEntry();
    }

    // Java's ZipOutputStream sets the UTF-8 flag, so the name is read right whatever the charset
    assertThat(format.check(file).lines()).isEqualTo(3);
  }
}
