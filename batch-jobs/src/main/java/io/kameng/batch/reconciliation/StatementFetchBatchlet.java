package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Fetches the partner's statement and keeps it; ends the job with {@code NOT_READY} when the
 * partner has none yet (the schedule asks again). A resumed run keeps the file it fetched.
 */
@Named
public class StatementFetchBatchlet extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public String process() {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    if (RunParameter.resume(job) && steps.call(() -> runs.find(runId).lineCount().isPresent())) {
      return "READY";
    }
    int attempt = RunParameter.attempt(job);
    return steps.call(() -> runs.fetch(runId, attempt)).name();
  }
}
