package io.kameng.admin.reconciliation;

import io.kameng.admin.AdminOnly;
import io.kameng.admin.PageMessages;
import io.kameng.batch.reconciliation.Reconciliations;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.entity.BusinessException;
import io.kameng.reconciliation.boundary.ReconciliationReport;
import io.kameng.reconciliation.boundary.ReconciliationRuns;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.MoneySummary;
import io.kameng.reconciliation.entity.ReconciliationRun;
import io.kameng.reconciliation.entity.RunState;
import io.kameng.reconciliation.entity.StatementKind;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code reconciliation/runs.xhtml}: starting a day's run (kind, partner, day, re-run), the
 * runs of the last 30 days, the selected run's money and file, and the differences per day as a
 * chart. The differences list is {@link DifferencesPage}; what the page shows (the run, the
 * filters, the page of differences) are view parameters, so the self-refresh while a run is RUNNING
 * shows the same.
 */
@Named("reconciliation")
@ViewScoped
public class ReconciliationPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int DAYS = 30;

  @Inject Reconciliations reconciliations;
  @Inject ReconciliationRuns runs;
  @Inject ReconciliationReport report;
  @Inject PlatformClock clock;
  @Inject ViewParameters view;

  private StatementKind kind = StatementKind.PAYMENT;
  private String partner;
  private String day;
  private boolean rerun;

  private transient List<ReconciliationRun> shown;
  private transient List<DayBar> chart;
  private transient ReconciliationRun selected;

  /** One day of the chart: its differences, and the bar's height in percent of the highest. */
  public record DayBar(LocalDate day, long count, int percent) {}

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  public List<StatementKind> getKinds() {
    return List.of(StatementKind.values());
  }

  public List<String> getPartners() {
    return runs.partners(kind);
  }

  /** Starts the run; on success shows it (a redirect, so the page can refresh itself). */
  public String start() {
    LocalDate date;
    try {
      date = LocalDate.parse(getDay().strip());
    } catch (DateTimeParseException e) {
      PageMessages.errorFor("start:day", PageMessages.text("reconciliation.dayInvalid"));
      return null;
    }
    String chosen = partner == null || partner.isBlank() ? getPartners().get(0) : partner;
    try {
      long id = reconciliations.start(kind, chosen, date, rerun);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      PageMessages.info(PageMessages.text("reconciliation.started", date, chosen));
      view.setRun(id);
      return view.outcome();
    } catch (BusinessException | EJBException failed) {
      PageMessages.error(PageMessages.refusal(refusal(failed)));
      shown = null;
      return null;
    }
  }

  /**
   * The refusal behind a failed start. {@code Reconciliations} lives in the batch module, whose
   * container does not know the order module's {@code BusinessException} as an application
   * exception: a refusal of {@code ReconciliationRuns.open} arrives wrapped in an EJBException.
   */
  static BusinessException refusal(RuntimeException failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof BusinessException refused) {
        return refused;
      }
    }
    throw failed;
  }

  public List<ReconciliationRun> getRuns() {
    if (shown == null) {
      shown = report.runs(DAYS);
    }
    return shown;
  }

  /** Whether a run is going on: the page then reloads itself every 5 seconds. */
  public boolean isAnyRunning() {
    return getRuns().stream().anyMatch(run -> run.state() == RunState.RUNNING);
  }

  /** The run chosen in the list (or just started); null for none. */
  public ReconciliationRun getSelected() {
    Long id = view.getRun();
    if (id != null && (selected == null || !selected.id().equals(id))) {
      selected = report.run(id).orElse(null);
    }
    return id == null ? null : selected;
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

  public String time(java.time.Instant at) {
    return PageMessages.time(at);
  }

  /** The differences found per day over 30 days, for the bar chart and its numbers. */
  public List<DayBar> getChart() {
    if (chart == null) {
      Map<LocalDate, Long> perDay = report.perDay(DAYS);
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

  public StatementKind getKind() {
    return kind;
  }

  public void setKind(StatementKind kind) {
    this.kind = kind == null ? StatementKind.PAYMENT : kind;
  }

  public String getPartner() {
    return partner;
  }

  public void setPartner(String partner) {
    this.partner = partner;
  }

  /** The day to start, yesterday (China time) unless typed. */
  public String getDay() {
    if (day == null) {
      day = LocalDate.ofInstant(clock.now(), PageMessages.CHINA).minusDays(1).toString();
    }
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public boolean isRerun() {
    return rerun;
  }

  public void setRerun(boolean rerun) {
    this.rerun = rerun;
  }
}
