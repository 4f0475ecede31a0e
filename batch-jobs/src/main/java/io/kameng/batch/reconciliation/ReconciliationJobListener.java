package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A job that ends failed leaves its run failed, with the batch runtime's exit status; only if the
 * run is still this job's (a new run of the day may have started meanwhile).
 */
@Named
public class ReconciliationJobListener extends AbstractJobListener {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public void afterJob() {
    if (job.getBatchStatus() == BatchStatus.FAILED || job.getBatchStatus() == BatchStatus.STOPPED) {
      long runId = RunParameter.runId(job);
      int attempt = RunParameter.attempt(job);
      steps.run(() -> runs.failAttempt(runId, attempt, "The job ended " + job.getBatchStatus()));
    }
  }
}
