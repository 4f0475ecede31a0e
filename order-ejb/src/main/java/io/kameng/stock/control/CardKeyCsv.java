package io.kameng.stock.control;

import io.kameng.stock.entity.CardKey;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.RowProblem;
import io.kameng.stock.entity.StockException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a card-key file: one key per row in the first and only column, an optional header {@code
 * code}, blank lines reported as empty rows. Checks every row on its own and against the rows
 * before it; the stock is checked by the caller. An unreadable file or one over {@link #MAX_ROWS}
 * rows is refused as a whole.
 */
public final class CardKeyCsv {

  /** What a key looks like: 4 to 100 letters, digits or {@code - _ . / + =}. */
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/+=-]{4,100}");

  /** The most rows one import takes. */
  public static final int MAX_ROWS = 10_000;

  private CardKeyCsv() {}

  /** A row of the file: its line, the key as written (trimmed), and what is wrong with it. */
  public record Row(long line, String code, Optional<RowProblem> problem) {

    public ImportReport.Rejected rejected() {
      return new ImportReport.Rejected(line, CardKey.mask(code), problem.orElseThrow());
    }

    Row rejectedFor(RowProblem why) {
      return new Row(line, code, Optional.of(why));
    }
  }

  /** Every row of {@code text}, each checked; refused above {@link #MAX_ROWS} rows. */
  public static List<Row> read(String text) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber();
        String code = record.get(0);
        if (line == 1 && code.equalsIgnoreCase("code") && record.size() == 1) {
          continue;
        }
        Row row = new Row(line, code, Optional.empty());
        if (code.isEmpty() && record.size() == 1) {
          row = row.rejectedFor(RowProblem.EMPTY);
        } else if (record.size() != 1 || !KEY.matcher(code).matches()) {
          row = row.rejectedFor(RowProblem.MALFORMED);
        } else if (!seen.add(code)) {
          row = row.rejectedFor(RowProblem.DUPLICATE_IN_FILE);
        }
        rows.add(row);
        if (rows.size() > MAX_ROWS) {
          throw new StockException(
              "stock.tooManyRows", "One import takes at most " + MAX_ROWS + " keys");
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new StockException(
          "stock.unreadableFile", "Not a card-key file (one key per line): " + e.getMessage());
    }
    while (!rows.isEmpty()
        && rows.get(rows.size() - 1).problem().filter(p -> p == RowProblem.EMPTY).isPresent()) {
      rows.remove(rows.size() - 1); // blank lines at the end are no rows
    }
    return rows;
  }
}
