package io.kameng.reconciliation.control;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupplierStatementTest {

  private static final String HEADER =
      "request_id,supplier_order_no,account,amount,result,completed_at";
  private static final String ROW1 =
      "RQ-0001,SUP-9001,13800138000,50.00,SUCCESS,2026-12-01 08:00:00";
  private static final String ROW2 =
      "RQ-0002,SUP-9002,13800138001,30.00,FAILED,2026-12-01 09:00:00";
  private static final String ROW3 =
      "RQ-0003,SUP-9003,13800138002,100.00,SUCCESS,2026-12-01 23:59:59";

  @TempDir Path dir;

  private final SupplierStatement format = new SupplierStatement();

  @BeforeAll
  static void tempFolder() throws IOException {
    // surefire points java.io.tmpdir at target/java-tmp, which nothing creates
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  private Path write(String... lines) throws IOException {
    return Files.writeString(
        dir.resolve("statement.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

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
  void checkCountsAllRowsAndReceivesTheSuccesses() throws IOException {
    StatementTotals totals = format.check(write(HEADER, ROW1, ROW2, ROW3, "TOTAL,3,180.00"));

    assertThat(totals.lines()).isEqualTo(3);
    assertThat(totals.received()).isEqualByComparingTo("150.00");
    assertThat(totals.refunded()).isEqualByComparingTo("0");
    assertThat(totals.fees()).isEqualByComparingTo("0");
    assertThat(totals.net()).isEqualByComparingTo("150.00");
  }

  @Test
  void rowsAreRechargesAndFailures() throws IOException {
    List<StatementLine> rows = rows(write(HEADER, ROW1, ROW2, ROW3, "TOTAL,3,180.00"), 0);

    assertThat(rows)
        .extracting(StatementLine::type)
        .containsExactly(LineType.RECHARGED, LineType.FAILED, LineType.RECHARGED);
    StatementLine first = rows.get(0);
    assertThat(first.lineNo()).isEqualTo(1);
    assertThat(first.reference()).isEqualTo("RQ-0001");
    assertThat(first.partnerNo()).isEqualTo("SUP-9001");
    assertThat(first.refundNo()).isNull();
    assertThat(first.amount()).isEqualTo(new BigDecimal("50.00"));
    assertThat(first.fee()).isEqualByComparingTo("0");
    assertThat(first.completedAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(first.raw()).isEqualTo(ROW1);
    assertThat(rows.get(2).completedAt()).isEqualTo(Instant.parse("2026-12-01T15:59:59Z"));
  }

  @Test
  void openContinuesAfterTheSkippedRows() throws IOException {
    Path file = write(HEADER, ROW1, ROW2, ROW3, "TOTAL,3,180.00");

    assertThat(rows(file, 2)).extracting(StatementLine::reference).containsExactly("RQ-0003");
    assertThat(rows(file, 5)).isEmpty();
  }

  @Test
  void anEmptyDayIsJustTheTotal() throws IOException {
    StatementTotals totals = format.check(write(HEADER, "TOTAL,0,0.00"));

    assertThat(totals.lines()).isZero();
    assertThat(totals.received()).isEqualByComparingTo("0");
  }

  @Test
  void windowsLineEndsAreRead() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("crlf.csv"),
            String.join("\r\n", HEADER, ROW1, ROW2, "TOTAL,2,80.00") + "\r\n",
            StandardCharsets.UTF_8);

    assertThat(format.check(file).received()).isEqualByComparingTo("50.00");
  }

  @Test
  void aTotalWithAnotherCountIsRefused() throws IOException {
    Path file = write(HEADER, ROW1, ROW2, ROW3, "TOTAL,4,180.00");

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("TOTAL,4,180.00")
        .hasMessageContaining("3 of 180.00");
  }

  @Test
  void aTotalWithAnotherSumIsRefused() throws IOException {
    // the sum of the successes only is not the TOTAL: it adds every row
    Path file = write(HEADER, ROW1, ROW2, ROW3, "TOTAL,3,150.00");

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("TOTAL");
  }

  @Test
  void aTotalThatIsNoNumberOrTooShortIsRefused() throws IOException {
    Path garbled = write(HEADER, ROW1, "TOTAL,one,50.00");
    assertThatThrownBy(() -> format.check(garbled)).isInstanceOf(StatementRefusedException.class);

    Path shortTotal = write(HEADER, ROW1, "TOTAL,1");
    assertThatThrownBy(() -> format.check(shortTotal))
        .isInstanceOf(StatementRefusedException.class);
  }

  @Test
  void aStatementWithoutTotalIsRefusedAsTruncated() throws IOException {
    Path file = write(HEADER, ROW1, ROW2);

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("Truncated after row 2");
  }

  @Test
  void aStatementCutInTheMiddleOfARowIsRefused() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("cut.csv"),
            HEADER + "\n" + ROW1 + "\n" + "RQ-0002,SUP-90",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> format.check(file)).isInstanceOf(StatementRefusedException.class);
  }

  @Test
  void anotherColumnRowOrAnUnknownResultIsRefused() throws IOException {
    Path header = write("request_id,amount,result", ROW1, "TOTAL,1,50.00");
    assertThatThrownBy(() -> format.check(header))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("Not a supplier statement");

    Path result =
        write(
            HEADER,
            "RQ-0001,SUP-9001,13800138000,50.00,PENDING,2026-12-01 08:00:00",
            "TOTAL,1,50.00");
    assertThatThrownBy(() -> format.check(result))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("PENDING");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws IOException {
    Path file = dir.resolve("latin.csv");
    Files.write(
        file,
        (HEADER + "\nRQ-0001,SUP-9001,\u00e9,50.00,SUCCESS,2026-12-01 08:00:00\nTOTAL,1,50.00\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> format.check(file))
        .isInstanceOf(StatementRefusedException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void rowsAfterTheTotalAreRefused() throws IOException {
    Path file =
        write(
            HEADER,
            ROW1,
            "TOTAL,1,50.00",
            "RQ-0002,SUP-9002,13800138001,70.00,SUCCESS,2026-12-01 09:00:00");

    assertThatThrownBy(() -> format.check(file)).isInstanceOf(StatementRefusedException.class);
  }
}
