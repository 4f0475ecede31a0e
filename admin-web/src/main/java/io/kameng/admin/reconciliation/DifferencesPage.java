package io.kameng.admin.reconciliation;

import io.kameng.admin.PageMessages;
import io.kameng.platform.entity.BusinessException;
import io.kameng.reconciliation.boundary.ReconciliationReport;
import io.kameng.reconciliation.boundary.ReconciliationReport.Filter;
import io.kameng.reconciliation.entity.Difference;
import io.kameng.reconciliation.entity.DifferenceKind;
import io.kameng.reconciliation.entity.DifferenceState;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs the differences of {@code reconciliation/runs.xhtml}: filtered by kind, state and day,
 * paged on the server (25 a page), and resolving an open or fixed one with a note, a refusal shown
 * next to the note.
 */
@Named("reconciliationDifferences")
@ViewScoped
public class DifferencesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 25;

  @Inject ReconciliationReport report;
  @Inject ViewParameters view;

  private final Map<Long, String> notes = new HashMap<>();
  private final Map<Long, String> refusals = new HashMap<>();

  private transient List<Difference> rows;
  private transient Long total;

  public List<DifferenceKind> getKinds() {
    return List.of(DifferenceKind.values());
  }

  public List<DifferenceState> getStates() {
    return List.of(DifferenceState.values());
  }

  /** The filters as typed: a day that is not yyyy-MM-dd is refused next to its field. */
  public String filter() {
    if (day().isEmpty() && view.getDay() != null && !view.getDay().isBlank()) {
      PageMessages.errorFor("filters:day", PageMessages.text("reconciliation.dayInvalid"));
      return null;
    }
    view.setPage(0);
    return view.outcome();
  }

  public List<Difference> getRows() {
    if (rows == null) {
      rows = report.differences(filter(view), view.getPage() * PAGE_SIZE, PAGE_SIZE);
    }
    return rows;
  }

  public long getTotal() {
    if (total == null) {
      total = report.count(filter(view));
    }
    return total;
  }

  public boolean isPrevious() {
    return view.getPage() > 0;
  }

  public boolean isNext() {
    return (view.getPage() + 1L) * PAGE_SIZE < getTotal();
  }

  public int getPages() {
    return (int) Math.max(1, (getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public Map<Long, String> getNotes() {
    return notes;
  }

  public String refusal(Long id) {
    return refusals.get(id);
  }

  public String time(java.time.Instant at) {
    return PageMessages.time(at);
  }

  public void resolve(Long id) {
    refusals.clear();
    try {
      report.resolve(id, Optional.ofNullable(notes.get(id)).orElse(""));
      notes.remove(id);
      PageMessages.info(PageMessages.text("reconciliation.resolved"));
    } catch (BusinessException refused) {
      refusals.put(id, PageMessages.refusal(refused));
    }
    rows = null;
    total = null;
  }

  static Filter filter(ViewParameters view) {
    return new Filter(
        parse(view.getKind(), DifferenceKind.class),
        parse(view.getState(), DifferenceState.class),
        day(view.getDay()));
  }

  private Optional<LocalDate> day() {
    return day(view.getDay());
  }

  static Optional<LocalDate> day(String day) {
    try {
      return day == null || day.isBlank()
          ? Optional.empty()
          : Optional.of(LocalDate.parse(day.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static <E extends Enum<E>> Optional<E> parse(String name, Class<E> type) {
    try {
      return name == null || name.isBlank()
          ? Optional.empty()
          : Optional.of(Enum.valueOf(type, name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
