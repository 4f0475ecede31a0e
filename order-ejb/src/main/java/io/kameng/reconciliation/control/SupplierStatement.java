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
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A supplier's daily statement: UTF-8 CSV, the column row {@code
 * request_id,supplier_order_no,account,amount,result,completed_at}, one row per recharge finished
 * that China-time day (result SUCCESS or FAILED), and a closing {@code TOTAL,<rows>,<sum of
 * amounts>} line.
 */
public final class SupplierStatement implements StatementFormat {

  static final List<String> COLUMNS =
      List.of("request_id", "supplier_order_no", "account", "amount", "result", "completed_at");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Override
  public StatementTotals check(Path file) {
    long rows = 0;
    BigDecimal all = BigDecimal.ZERO.setScale(2);
    BigDecimal recharged = BigDecimal.ZERO.setScale(2);
    try (Reader reader = new Reader(file)) {
      for (Optional<StatementLine> row = reader.next(); row.isPresent(); row = reader.next()) {
        rows++;
        all = all.add(row.get().amount());
        if (row.get().type() == LineType.RECHARGED) {
          recharged = recharged.add(row.get().amount());
        }
      }
      if (reader.total == null) {
        throw new StatementRefusedException("No TOTAL line");
      }
      String more = reader.in.readLine();
      while (more != null && more.isBlank()) {
        more = reader.in.readLine();
      }
      if (more != null) {
        throw new StatementRefusedException("A line after the TOTAL line: " + more);
      }
      String[] total = reader.total.split(",", -1);
      if (total.length < 3
          || Long.parseLong(total[1].strip()) != rows
          || new BigDecimal(total[2].strip()).compareTo(all) != 0) {
        throw new StatementRefusedException(
            "The TOTAL line says %s, the rows are %d of %s"
                .formatted(reader.total, rows, all.toPlainString()));
      }
    } catch (IOException | NumberFormatException e) {
      throw new StatementRefusedException("The statement cannot be read: " + e.getMessage());
    }
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    return new StatementTotals(rows, recharged, zero, zero);
  }

  @Override
  public Rows open(Path file, long skip) throws IOException {
    Reader reader = new Reader(file);
    for (long i = 0; i < skip && reader.next().isPresent(); i++) {
      // skipped: loaded before the last checkpoint
    }
    return reader;
  }

  private static final class Reader implements Rows {
    private final BufferedReader in;
    private int rowNo;
    private String total;

    Reader(Path file) throws IOException {
      in =
          new BufferedReader(
              new InputStreamReader(
                  Files.newInputStream(file),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)),
              1 << 16);
      String header = readLine();
      if (header == null || !List.of(header.strip().split(",", -1)).equals(COLUMNS)) {
        in.close();
        throw new StatementRefusedException("Not a supplier statement: column row " + header);
      }
    }

    private String readLine() throws IOException {
      try {
        return in.readLine();
      } catch (CharacterCodingException e) {
        throw new StatementRefusedException("The statement is not UTF-8 text: " + e);
      }
    }

    @Override
    public Optional<StatementLine> next() throws IOException {
      if (total != null) {
        return Optional.empty();
      }
      String line = readLine();
      if (line == null) {
        throw new StatementRefusedException("Truncated after row " + rowNo + ": no TOTAL line");
      }
      if (line.startsWith("TOTAL,")) {
        total = line.strip();
        return Optional.empty();
      }
      rowNo++;
      String[] fields = line.strip().split(",", -1);
      if (fields.length != COLUMNS.size()) {
        throw new StatementRefusedException(
            "Row " + rowNo + " has " + fields.length + " of " + COLUMNS.size() + " fields");
      }
      try {
        LineType type =
            switch (fields[4]) {
              case "SUCCESS" -> LineType.RECHARGED;
              case "FAILED" -> LineType.FAILED;
              default ->
                  throw new StatementRefusedException(
                      "Row " + rowNo + ": unknown result " + fields[4]);
            };
        return Optional.of(
            new StatementLine(
                rowNo,
                type,
                fields[0],
                fields[1],
                null,
                new BigDecimal(fields[3]).setScale(2),
                BigDecimal.ZERO.setScale(2),
                LocalDateTime.parse(fields[5], TIME).atZone(TradeBill.CHINA).toInstant(),
                line.strip()));
      } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
        throw new StatementRefusedException("Row " + rowNo + " cannot be read: " + e.getMessage());
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
