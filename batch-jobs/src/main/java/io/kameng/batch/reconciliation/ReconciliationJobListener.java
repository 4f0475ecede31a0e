package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A job that ends failed leaves its run failed, with the batch runtime's exit status. */
@Named
public class ReconciliationJobListener extends AbstractJobListener {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public void afterJob() {
    if (job.getBatchStatus() == BatchStatus.FAILED || job.getBatchStatus() == BatchStatus.STOPPED) {
      long runId = RunParameter.runId(job);
      steps.run(() -> runs.failRun(runId, "The job ended " + job.getBatchStatus()));
    }
  }
}
