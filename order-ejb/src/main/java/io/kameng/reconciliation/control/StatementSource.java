package io.kameng.reconciliation.control;

import io.kameng.reconciliation.entity.StatementKind;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a partner's statements come from: one adapter per partner and kind. Adapters wrap their
 * calls in MicroProfile Fault Tolerance.
 */
public interface StatementSource {

  StatementKind kind();

  /** The partner's name, as payments and recharges record it. */
  String partner();

  /**
   * Downloads the statement of {@code day} (China time) into {@code target}; answers false when the
   * partner says it is not ready yet.
   *
   * @throws java.io.UncheckedIOException when the partner cannot be reached or refuses the download
   */
  boolean fetch(LocalDate day, Path target);

  /** The gateway's fee rate (0.006 for 0.6 %); zero for suppliers. */
  java.math.BigDecimal feeRate();
}
