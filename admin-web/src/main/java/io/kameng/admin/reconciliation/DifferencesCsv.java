package io.kameng.admin.reconciliation;

import io.kameng.identity.entity.Role;
import io.kameng.reconciliation.boundary.ReconciliationReport;
import io.kameng.reconciliation.boundary.ReconciliationReport.Filter;
import io.kameng.reconciliation.entity.Difference;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A day's differences as CSV ({@code reconciliation/differences.csv?day=yyyy-MM-dd}), the columns
 * of the page's list: UTF-8 with a byte order mark, so Excel opens the Chinese texts right. ADMIN
 * only, like the page: a reviewer gets 403.
 */
@WebServlet("/reconciliation/differences.csv")
public class DifferencesCsv extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final int BATCH = 500;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private static final List<String> HEADERS =
      List.of(
          "reconciliation.day",
          "reconciliation.difference.kind",
          "reconciliation.difference.orderNo",
          "reconciliation.difference.statementLine",
          "reconciliation.difference.platformRecord",
          "reconciliation.difference.amount",
          "reconciliation.difference.state",
          "reconciliation.difference.fix",
          "reconciliation.difference.resolvedBy",
          "reconciliation.difference.resolvedAt",
          "reconciliation.difference.note");

  @Inject transient ReconciliationReport report;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!request.isUserInRole(Role.Names.ADMIN)) {
      response.sendError(403, "ADMIN only");
      return;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(Optional.ofNullable(request.getParameter("day")).orElse(""));
    } catch (DateTimeParseException e) {
      response.sendError(400, "day=yyyy-MM-dd");
      return;
    }
    ResourceBundle texts =
        ResourceBundle.getBundle(
            "io.kameng.console.i18n.messages",
            "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"differences-" + day + ".csv\"");
    PrintWriter out = response.getWriter();
    out.write('\uFEFF');
    out.write(line(HEADERS.stream().map(texts::getString)));
    Filter filter = new Filter(Optional.empty(), Optional.empty(), Optional.of(day));
    for (int first = 0; ; first += BATCH) {
      List<Difference> batch = report.differences(filter, first, BATCH);
      for (Difference d : batch) {
        out.write(
            line(
                Stream.of(
                    d.day().toString(),
                    texts.getString("DifferenceKind." + d.kind().name()),
                    d.orderNo().orElse(""),
                    d.statementLine().orElse(""),
                    d.platformRecord().orElse(""),
                    d.amount().toPlainString(),
                    texts.getString("DifferenceState." + d.state().name()),
                    d.fix().orElse(""),
                    d.resolvedBy().orElse(""),
                    d.resolvedAt().map(TIME::format).orElse(""),
                    d.resolutionNote().orElse(""))));
      }
      if (batch.size() < BATCH) {
        break;
      }
    }
    out.flush();
  }

  /** One CSV record (RFC 4180): fields with commas, quotes or line breaks quoted. */
  static String line(Stream<String> fields) {
    return fields.map(DifferencesCsv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  static String field(String value) {
    String text = value == null ? "" : value;
    if (text.startsWith("=") || text.startsWith("+") || text.startsWith("@")) {
      text = "'" + text; // no formulas when Excel opens it
    }
    return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }
}
