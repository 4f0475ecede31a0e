package io.kameng.stock.entity;

import java.util.List;

/**
 * What a card-key import came to: how many keys were stored and which rows were rejected and why.
 * With rejected rows and {@code stored == false}, nothing was stored: fix the file and import it
 * again (or import the valid rows only).
 */
public record ImportReport(
    String importNo, int rows, int accepted, boolean stored, List<Rejected> rejected) {

  /** A rejected row: its line in the file, the key masked, and the problem. */
  public record Rejected(long line, String maskedKey, RowProblem problem) {}

  public ImportReport {
    rejected = List.copyOf(rejected);
  }
}
