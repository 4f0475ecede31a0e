package io.kameng.admin.reconciliation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code reconciliation/runs.xhtml} shows, as view parameters: the selected run, the
 * differences' filters (kind, state, day) and their page. Kept in the address, so the page's
 * self-refresh and its links show the same.
 */
@Named("reconciliationView")
@ViewScoped
public class ViewParameters implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long run;
  private String kind;
  private String state;
  private String day;
  private int page;

  /** The page's address with these parameters, {@code page} replaced. */
  public String url(int page) {
    Map<String, String> query = new LinkedHashMap<>();
    if (run != null) {
      query.put("run", run.toString());
    }
    put(query, "kind", kind);
    put(query, "state", state);
    put(query, "day", day);
    if (page > 0) {
      query.put("page", Integer.toString(page));
    }
    return "runs.xhtml"
        + (query.isEmpty()
            ? ""
            : "?"
                + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), UTF8))
                    .collect(Collectors.joining("&")));
  }

  /** The address as it is now, for the self-refresh. */
  public String getUrl() {
    return url(page);
  }

  /** A redirect to the page with these parameters. */
  public String outcome() {
    return "/reconciliation/runs?faces-redirect=true&includeViewParams=true";
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static void put(Map<String, String> query, String name, String value) {
    if (value != null && !value.isBlank()) {
      query.put(name, value);
    }
  }

  public Long getRun() {
    return run;
  }

  public void setRun(Long run) {
    this.run = run;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
