package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Checks the kept statement whole: a file whose totals do not match its rows fails the run. */
@Named
public class StatementCheckBatchlet extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public String process() {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    if (!RunParameter.resume(job) || steps.call(() -> runs.find(runId).lineCount().isEmpty())) {
      steps.run(() -> runs.check(runId));
    }
    return "CHECKED";
  }
}
