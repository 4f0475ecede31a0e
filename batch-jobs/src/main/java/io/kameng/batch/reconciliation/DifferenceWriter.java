package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import io.kameng.reconciliation.control.DifferenceRules;
import io.kameng.reconciliation.entity.Comparison;
import io.kameng.reconciliation.entity.Finding;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** Stores a chunk's differences, and puts records near the cut-off into the holding pool. */
@Named
public class DifferenceWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public void writeItems(List<Object> items) {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    List<Finding> findings = new ArrayList<>();
    List<Comparison> pooled = new ArrayList<>();
    for (Object item : items) {
      DifferenceClassifier.Classified classified = (DifferenceClassifier.Classified) item;
      if (classified.verdict() instanceof DifferenceRules.Differs differs) {
        findings.add(differs.finding());
      } else {
        pooled.add(classified.item());
      }
    }
    steps.run(() -> runs.classified(runId, findings, pooled));
  }
}
