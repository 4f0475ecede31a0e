package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import io.kameng.reconciliation.entity.StatementLine;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Loads a chunk of rows into the staging table, with the run's progress, in the chunk's commit. */
@Named
public class StatementLineWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  @Override
  public void writeItems(List<Object> items) {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    List<StatementLine> lines = items.stream().map(StatementLine.class::cast).toList();
    long position = lines.get(lines.size() - 1).lineNo();
    steps.run(() -> runs.load(runId, lines, position));
  }
}
