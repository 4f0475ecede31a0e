package io.kameng.batch.boundary;

import io.kameng.identity.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts Kameng's batch jobs and reports on their runs. The job repository lives in MariaDB, so
 * every server instance sees the same runs.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class BatchJobs {

  /** What an admin sees of one run of a job. */
  public record Run(
      long executionId,
      String jobName,
      String status,
      String exitStatus,
      Instant started,
      Instant ended) {}

  /**
   * Starts the job defined in {@code META-INF/batch-jobs/<jobName>.xml}; returns its execution id.
   */
  public long start(@NotBlank String jobName, Properties parameters) {
    return operator().start(jobName, parameters == null ? new Properties() : parameters);
  }

  public Optional<Run> run(long executionId) {
    JobExecution execution = operator().getJobExecution(executionId);
    if (execution == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Run(
            execution.getExecutionId(),
            execution.getJobName(),
            execution.getBatchStatus().name(),
            execution.getExitStatus(),
            instant(execution.getStartTime()),
            instant(execution.getEndTime())));
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
