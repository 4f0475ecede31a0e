package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Expires pool entries that waited long enough, then fixes each difference that can be fixed, one
 * transaction each.
 */
@Named
public class DifferenceFixBatchlet extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public String process() {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    steps.call(() -> runs.expirePool(runId));
    List<Long> due = steps.call(() -> runs.awaitingFix(runId));
    for (long differenceId : due) {
      steps.run(() -> runs.fix(differenceId));
    }
    return "FIXED " + due.size();
  }
}
