package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Matches the loaded lines with the platform's records, set-based. */
@Named
public class StatementMatchBatchlet extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public String process() {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    return "MATCHED " + steps.call(() -> runs.match(runId));
  }
}
