package io.kameng.admin.reconciliation;

import io.kameng.admin.PageMessages;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.reconciliation.boundary.ReconciliationReport;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.Ledger;
import io.kameng.reconciliation.entity.MoneySummary;
import io.kameng.reconciliation.entity.ReconciliationRun;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Backs what {@code reconciliation/runs.xhtml} shows of runs: a run's differences by kind and its
 * duration, the selected run with its money summary and statement file, and the differences per day
 * over 30 days as a bar chart.
 */
@Named("reconciliationRun")
@ViewScoped
public class RunOverview implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ReconciliationReport report;
  @Inject PlatformClock clock;
  @Inject ViewParameters view;

  private transient List<DayBar> chart;
  private transient ReconciliationRun selected;

  /** One day of the chart: its differences, and the bar's height in percent of the highest. */
  public record DayBar(LocalDate day, long count, int percent) {}

  /** The run chosen in the list (or just started); null for none. */
  public ReconciliationRun getSelected() {
    Long id = view.getRun();
    if (id != null && (selected == null || !selected.id().equals(id))) {
      selected = report.run(id).orElse(null);
    }
    return id == null ? null : selected;
  }

  private transient Ledger ledger;

  /** The platform-wide money check, as of this request. */
  public Ledger getLedger() {
    if (ledger == null) {
      ledger = report.ledger();
    }
    return ledger;
  }

  /** The selected run's money summary; null before its statement was compared. */
  public MoneySummary getMoney() {
    ReconciliationRun run = getSelected();
    return run == null ? null : run.money().orElse(null);
  }

  public Map<DifferenceKind, Long> counts(ReconciliationRun run) {
    return report.counts(run.id());
  }

  /** How long the run took (or runs so far), as {@code 1m 05s}. */
  public String duration(ReconciliationRun run) {
    if (run.startedAt() == null) {
      return "";
    }
    Duration took = Duration.between(run.startedAt(), run.endedAt().orElse(clock.now()));
    long seconds = Math.max(0, took.toSeconds());
    return seconds >= 60
        ? "%dm %02ds".formatted(seconds / 60, seconds % 60)
        : "%ds".formatted(seconds);
  }

  public String time(Instant at) {
    return PageMessages.time(at);
  }

  /** The differences found per day over 30 days, for the bar chart and its numbers. */
  public List<DayBar> getChart() {
    if (chart == null) {
      Map<LocalDate, Long> perDay = report.perDay(ReconciliationPage.DAYS);
      long max = perDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
      chart =
          perDay.entrySet().stream()
              .map(
                  e ->
                      new DayBar(
                          e.getKey(),
                          e.getValue(),
                          max == 0 ? 0 : (int) Math.round(100.0 * e.getValue() / max)))
              .toList();
    }
    return chart;
  }
}
