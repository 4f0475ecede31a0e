package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Ends the run with the day's money summary. */
@Named
public class ReconciliationReportBatchlet extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public String process() {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    steps.run(() -> runs.report(runId));
    return "COMPLETED";
  }
}
