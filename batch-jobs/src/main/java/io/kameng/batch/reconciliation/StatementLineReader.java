package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.boundary.ReconciliationRuns;
import io.kameng.reconciliation.control.StatementFormat;
import io.kameng.reconciliation.entity.ReconciliationRun;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Streams the kept statement's rows (memory does not grow with the file). The checkpoint is the
 * number of rows loaded; a resumed run continues after the rows its last committed chunk loaded.
 */
@Named
public class StatementLineReader extends AbstractItemReader {

  @Inject JobContext job;
  @Inject JobSteps steps;
  @Inject ReconciliationRuns runs;

  private static final java.util.Set<String> AFTER_LOAD =
      java.util.Set.of("match", "classify", "fix", "report");

  private StatementFormat.Rows rows;
  private long position;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    long runId = RunParameter.runId(job);
    RunParameter.requireCurrent(job, steps, runs);
    ReconciliationRun run = steps.call(() -> runs.find(runId));
    String step = run.step().orElse("");
    if (checkpoint != null) {
      position = (Long) checkpoint;
    } else if (RunParameter.resume(job) && step.equals("load")) {
      position = run.items();
    } else if (RunParameter.resume(job) && AFTER_LOAD.contains(step)) {
      position = run.lineCount().orElse(0L);
    } else {
      steps.run(() -> runs.startLoad(runId));
      position = 0;
    }
    rows =
        StatementFormat.of(run.kind())
            .open(java.nio.file.Path.of(run.filePath().orElseThrow()), position);
  }

  @Override
  public Object readItem() throws Exception {
    Object line = rows.next().orElse(null);
    if (line != null) {
      position++;
    }
    return line;
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }

  @Override
  public void close() throws Exception {
    if (rows != null) {
      rows.close();
    }
  }
}
