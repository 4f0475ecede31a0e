package io.kameng.batch.reconciliation;

import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;

/**
 * The job parameters of a reconciliation job: the run it works for, which attempt of it, and
 * whether it resumes.
 */
final class RunParameter {

  static final String RUN_ID = "runId";
  static final String RESUME = "resume";
  static final String ATTEMPT = "attempt";

  private RunParameter() {}

  static Properties of(long runId, int attempt, boolean resume) {
    Properties parameters = new Properties();
    parameters.setProperty(RUN_ID, Long.toString(runId));
    parameters.setProperty(ATTEMPT, Integer.toString(attempt));
    parameters.setProperty(RESUME, Boolean.toString(resume));
    return parameters;
  }

  static long runId(JobContext job) {
    return Long.parseLong(parameters(job).getProperty(RUN_ID));
  }

  /** Which attempt of the day's run the job is for: a newer attempt supersedes it. */
  static int attempt(JobContext job) {
    return Integer.parseInt(parameters(job).getProperty(ATTEMPT));
  }

  /**
   * Stops a job whose run has moved on (a newer attempt of the day started, or it ended): it must
   * write nothing more.
   */
  static void requireCurrent(
      JobContext job, JobSteps steps, io.kameng.reconciliation.boundary.ReconciliationRuns runs) {
    long runId = runId(job);
    int attempt = attempt(job);
    steps.run(() -> runs.requireCurrent(runId, attempt));
  }

  static boolean resume(JobContext job) {
    return Boolean.parseBoolean(parameters(job).getProperty(RESUME, "false"));
  }

  private static Properties parameters(JobContext job) {
    return jakarta.batch.runtime.BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
  }
}
