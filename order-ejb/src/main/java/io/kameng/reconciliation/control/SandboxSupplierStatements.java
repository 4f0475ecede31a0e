package io.kameng.reconciliation.control;

import io.kameng.reconciliation.entity.StatementKind;
import io.kameng.supply.control.SandboxSupplier;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** The statements of the sandbox supplier's main line, fetched with retries. */
@ApplicationScoped
public class SandboxSupplierStatements implements StatementSource {

  @Override
  public StatementKind kind() {
    return StatementKind.SUPPLIER;
  }

  @Override
  public String partner() {
    return SandboxSupplier.PROVIDER;
  }

  @Override
  @Timeout(300_000)
  @Retry(maxRetries = 2, delay = 1_000, retryOn = UncheckedIOException.class)
  public boolean fetch(LocalDate day, Path target) {
    return SandboxStatements.supplierStatement("main", day, target);
  }

  @Override
  public BigDecimal feeRate() {
    return BigDecimal.ZERO;
  }
}
