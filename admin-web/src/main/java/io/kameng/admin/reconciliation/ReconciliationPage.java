package io.kameng.admin.reconciliation;

import io.kameng.admin.AdminOnly;
import io.kameng.admin.PageMessages;
import io.kameng.batch.reconciliation.Reconciliations;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.entity.BusinessException;
import io.kameng.reconciliation.boundary.ReconciliationReport;
import io.kameng.reconciliation.boundary.ReconciliationRuns;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Backs {@code reconciliation/runs.xhtml}: starting a day's run (kind, partner, day, re-run), the
 * runs of the last 30 days. The selected run and the chart are {@link RunOverview}, the differences
 * list is {@link DifferencesPage}; what the page shows (the run, the filters, the page of
 * differences) are view parameters, so the self-refresh while a run is RUNNING shows the same.
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
