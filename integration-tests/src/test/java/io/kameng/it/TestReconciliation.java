package io.kameng.it;

import io.kameng.batch.reconciliation.ReconciliationSchedule;
import io.kameng.batch.reconciliation.Reconciliations;
import io.kameng.identity.entity.Role;
import io.kameng.platform.entity.BusinessException;
import io.kameng.reconciliation.boundary.ReconciliationReport;
import io.kameng.reconciliation.entity.Difference;
import io.kameng.reconciliation.entity.ReconciliationRun;
import io.kameng.reconciliation.entity.StatementKind;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * Test-only EJB in the test WAR for the reconciliation: starts runs as an admin does and answers
 * what the admin page shows of a run and its differences, as text lines.
 */
@Stateless
@PermitAll
@RunAs(Role.Names.ADMIN)
public class TestReconciliation {

  @Inject Reconciliations reconciliations;
  @Inject ReconciliationReport report;
  @Inject ReconciliationSchedule schedule;

  /** The run's id, or {@code refused:<code>}. */
  public String start(String kind, String partner, String day, boolean rerun) {
    try {
      return Long.toString(
          reconciliations.start(StatementKind.valueOf(kind), partner, LocalDate.parse(day), rerun));
    } catch (BusinessException e) {
      return "refused:" + e.code();
    } catch (EJBException e) {
      if (e.getCause() instanceof BusinessException business) {
        return "refused:" + business.code();
      }
      throw e;
    }
  }

  /** {@code state|failure|lines|balanced|unexplained|statementNet|platformNet}. */
  public String run(long runId) {
    ReconciliationRun run = report.run(runId).orElseThrow();
    return String.join(
        "|",
        run.state().name(),
        run.failure().orElse("-"),
        run.lineCount().map(String::valueOf).orElse("-"),
        run.money().map(m -> Boolean.toString(m.balanced())).orElse("-"),
        run.money().map(m -> m.unexplained().toPlainString()).orElse("-"),
        run.money().map(m -> m.statementNet().toPlainString()).orElse("-"),
        run.money().map(m -> m.platformNet().toPlainString()).orElse("-"));
  }

  /** One line per difference: {@code kind|key|orderNo|state|amount|fix}. */
  public String differences(long runId) {
    return report.ofRun(runId).stream()
        .map(TestReconciliation::line)
        .collect(Collectors.joining("\n"));
  }

  /** The differences of the day's run with the sandbox gateway, as {@link #differences}. */
  public String differencesOfDay(String day) {
    return report
        .runOf(StatementKind.PAYMENT, "sandbox", LocalDate.parse(day))
        .map(run -> differences(run.id()))
        .orElse("");
  }

  /** {@code step|items|attempt|resumedAtLine|executionId|differences}. */
  public String progress(long runId) {
    ReconciliationRun run = report.run(runId).orElseThrow();
    return String.join(
        "|",
        run.step().orElse("-"),
        Long.toString(run.items()),
        Integer.toString(run.attempt()),
        run.resumedAtLine().map(String::valueOf).orElse("-"),
        run.executionId().map(String::valueOf).orElse("-"),
        Long.toString(report.counts(runId).values().stream().mapToLong(Long::longValue).sum()));
  }

  /** The batch runtime's status of a job execution. */
  public String executionStatus(long executionId) {
    return reconciliations.executionStatus(executionId);
  }

  /** {@code state|attempt|nextTryAt} of the day's run, or {@code none}. */
  public String runOfDay(String kind, String partner, String day) {
    return report
        .runOf(StatementKind.valueOf(kind), partner, LocalDate.parse(day))
        .map(
            run ->
                run.id()
                    + "|"
                    + run.state()
                    + "|"
                    + run.attempt()
                    + "|"
                    + run.nextTryAt().map(Object::toString).orElse("-"))
        .orElse("none");
  }

  /** {@code openDifferences|missingStatements}, as the admin home warns. */
  public String warnings() {
    ReconciliationReport.Warnings warnings = report.warnings();
    return warnings.openDifferences() + "|" + warnings.missingStatements();
  }

  public int runDue() {
    return schedule.runDue();
  }

  private static String line(Difference d) {
    return String.join(
        "|",
        d.kind().name(),
        d.matchKey(),
        d.orderNo().orElse("-"),
        d.state().name(),
        d.amount().toPlainString(),
        d.fix().orElse("-"));
  }
}
