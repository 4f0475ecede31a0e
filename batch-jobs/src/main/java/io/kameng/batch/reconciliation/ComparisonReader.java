package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import io.kameng.reconciliation.entity.Comparison;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the items the match step could not call equal: the suspect lines page by page (by line
 * number, so a restart continues after its checkpoint), then the platform's records no statement
 * has.
 */
@Named
public class ComparisonReader extends AbstractItemReader {

  private static final int PAGE = 500;

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  private final Deque<Comparison> page = new ArrayDeque<>();
  private long afterLine;
  private boolean linesDone;
  private boolean platformDone;

  @Override
  public void open(Serializable checkpoint) {
    afterLine = checkpoint == null ? 0 : (Long) checkpoint;
  }

  @Override
  public Object readItem() {
    long runId = RunParameter.runId(job);
    if (page.isEmpty() && !linesDone) {
      page.addAll(steps.call(() -> runs.suspects(runId, afterLine, PAGE)));
      linesDone = page.size() < PAGE;
    }
    if (page.isEmpty() && linesDone && !platformDone) {
      page.addAll(steps.call(() -> runs.platformOnly(runId)));
      platformDone = true;
    }
    Comparison next = page.poll();
    if (next != null && next.hasLine()) {
      afterLine = next.lineNo();
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return afterLine;
  }
}
