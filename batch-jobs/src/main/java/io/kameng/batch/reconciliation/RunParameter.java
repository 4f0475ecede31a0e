package io.kameng.batch.reconciliation;

import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;

/** The job parameters of a reconciliation job: the run it works for, and whether it resumes. */
final class RunParameter {

  static final String RUN_ID = "runId";
  static final String RESUME = "resume";

  private RunParameter() {}

  static Properties of(long runId, boolean resume) {
    Properties parameters = new Properties();
    parameters.setProperty(RUN_ID, Long.toString(runId));
    parameters.setProperty(RESUME, Boolean.toString(resume));
    return parameters;
  }

  static long runId(JobContext job) {
    return Long.parseLong(parameters(job).getProperty(RUN_ID));
  }

  static boolean resume(JobContext job) {
    return Boolean.parseBoolean(parameters(job).getProperty(RESUME, "false"));
  }

  private static Properties parameters(JobContext job) {
    return jakarta.batch.runtime.BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
  }
}
