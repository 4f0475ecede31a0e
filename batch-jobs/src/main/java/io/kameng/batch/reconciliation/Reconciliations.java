package io.kameng.batch.reconciliation;

import io.kameng.identity.entity.Role;
import io.kameng.reconciliation.boundary.ReconciliationRuns;
import io.kameng.reconciliation.entity.ReconciliationRun;
import io.kameng.reconciliation.entity.StatementKind;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Starts reconciliation runs as batch jobs, for admins and the nightly schedule. Jobs are started
 * outside any transaction (a start inside one fails in Payara's job repository), after the day's
 * run was opened under its unique key: of concurrent starts of one day, one runs, the others are
 * refused with {@code reconciliation.running}.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciliations {

  private static final Logger LOG = Logger.getLogger(Reconciliations.class.getName());

  @Inject ReconciliationRuns runs;
  @Resource SessionContext caller;

  @Resource(lookup = "jdbc/kameng-runtime")
  DataSource batchRepository;

  /** Starts the day's run with a partner; a completed day only when {@code rerun}. */
  public long start(
      @NotNull StatementKind kind, @NotNull String partner, @NotNull LocalDate day, boolean rerun) {
    long runId = runs.open(kind, partner, day, actor(), rerun);
    launch(runId, kind, false);
    return runId;
  }

  /** Starts the day's run with every partner of every kind that has no run yet. */
  public int startMissing(LocalDate day) {
    int started = 0;
    for (StatementKind kind : StatementKind.values()) {
      for (String partner : runs.partners(kind)) {
        if (!runs.exists(kind, partner, day)) {
          try {
            start(kind, partner, day, false);
            started++;
          } catch (RuntimeException e) {
            LOG.fine(() -> "Not started: " + kind + " " + partner + " " + day + ": " + e);
          }
        }
      }
    }
    return started;
  }

  /** Asks again for the statements that were not ready and whose next try is due. */
  public int retryWaiting() {
    List<ReconciliationRun> due = runs.waitingDue();
    for (ReconciliationRun run : due) {
      try {
        start(run.kind(), run.partner(), run.day(), false);
      } catch (RuntimeException e) {
        LOG.fine(() -> "Not retried: " + run.day() + ": " + e);
      }
    }
    return due.size();
  }

  /**
   * After a crash: runs an earlier JVM of this server left RUNNING are marked failed (their
   * execution too, in the batch repository: the runtime leaves it STARTED forever) and resumed in a
   * new execution from the lines their last committed chunk loaded. Called at start, before this
   * server runs any job.
   */
  public int resumeStale() {
    int resumed = 0;
    for (ReconciliationRun run : runs.leftRunning()) {
      run.executionId().ifPresent(this::markFailed);
      runs.failRun(run.id(), "The server stopped during the " + run.step().orElse("") + " step");
      long runId = runs.resume(run.id(), actor());
      launch(runId, run.kind(), true);
      resumed++;
      LOG.warning(() -> "Resumed the reconciliation of " + run.day() + " with " + run.partner());
    }
    return resumed;
  }

  /** The job execution of a run, as the batch runtime reports it. */
  public String executionStatus(long executionId) {
    JobExecution execution = operator().getJobExecution(executionId);
    return execution == null ? "UNKNOWN" : execution.getBatchStatus().name();
  }

  private void launch(long runId, StatementKind kind, boolean resume) {
    try {
      int attempt = runs.find(runId).attempt();
      long executionId = operator().start(kind.jobName(), RunParameter.of(runId, attempt, resume));
      runs.attach(runId, executionId);
    } catch (RuntimeException e) {
      runs.failRun(runId, "The job did not start: " + e.getMessage());
      throw e;
    }
  }

  private void markFailed(long executionId) {
    JobExecution execution = operator().getJobExecution(executionId);
    if (execution == null
        || (execution.getBatchStatus() != BatchStatus.STARTED
            && execution.getBatchStatus() != BatchStatus.STARTING)) {
      return;
    }
    try (Connection connection = batchRepository.getConnection();
        PreparedStatement job =
            connection.prepareStatement(
                "UPDATE EXECUTIONINSTANCEDATA SET batchstatus = 'FAILED', exitstatus ="
                    + " 'FAILED: server stopped', endtime = CURRENT_TIMESTAMP WHERE jobexecid = ?");
        PreparedStatement steps =
            connection.prepareStatement(
                "UPDATE STEPEXECUTIONINSTANCEDATA SET batchstatus = 'FAILED', exitstatus ="
                    + " 'FAILED: server stopped' WHERE jobexecid = ? AND batchstatus IN"
                    + " ('STARTED', 'STARTING')")) {
      job.setLong(1, executionId);
      job.executeUpdate();
      steps.setLong(1, executionId);
      steps.executeUpdate();
    } catch (SQLException e) {
      LOG.warning(() -> "Could not mark execution " + executionId + " failed: " + e);
    }
  }

  private String actor() {
    String name = caller.getCallerPrincipal().getName();
    return name.contains(":") ? "SYSTEM" : name;
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
