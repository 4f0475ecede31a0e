package io.kameng.reconciliation.control;

import io.kameng.payment.control.SandboxGateway;
import io.kameng.reconciliation.entity.StatementKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** The sandbox gateway's trade bills (fee 0.6 %), fetched with retries. */
@ApplicationScoped
public class SandboxTradeBills implements StatementSource {

  @Override
  public StatementKind kind() {
    return StatementKind.PAYMENT;
  }

  @Override
  public String partner() {
    return SandboxGateway.PROVIDER;
  }

  @Override
  @Timeout(300_000)
  @Retry(maxRetries = 2, delay = 1_000, retryOn = UncheckedIOException.class)
  public boolean fetch(LocalDate day, Path target) {
    return SandboxStatements.tradeBill(day, target);
  }

  @Override
  public BigDecimal feeRate() {
    return new BigDecimal("0.006");
  }
}
