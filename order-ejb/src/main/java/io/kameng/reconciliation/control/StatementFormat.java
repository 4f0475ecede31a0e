package io.kameng.reconciliation.control;

import io.kameng.reconciliation.entity.StatementKind;
import io.kameng.reconciliation.entity.StatementLine;
import io.kameng.reconciliation.entity.StatementTotals;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a partner's statement file is read: checked whole first (its own totals against its rows, so
 * a truncated or inconsistent file is refused before anything is loaded), then streamed row by row
 * from any position, so that memory does not grow with the file and a restart continues where the
 * last checkpoint was.
 */
public interface StatementFormat {

  /**
   * Reads the whole file and answers its totals.
   *
   * @throws io.kameng.reconciliation.entity.StatementRefusedException with the reason when the file
   *     is not the expected format, truncated, or its totals do not match its rows
   */
  StatementTotals check(Path file);

  /** Opens the file for reading its rows after the first {@code skip}. */
  Rows open(Path file, long skip) throws IOException;

  /** The rows of an opened file, one at a time. */
  interface Rows extends Closeable {
    /** The next row, empty at the end. */
    Optional<StatementLine> next() throws IOException;
  }

  /** The format of a kind of statement. */
  static StatementFormat of(StatementKind kind) {
    return kind == StatementKind.PAYMENT ? new TradeBill() : new SupplierStatement();
  }
}
