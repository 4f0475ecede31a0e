package io.kameng.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Test-only servlet in the test WAR: {@link TestReconciliation} over HTTP for client tests. */
@WebServlet("/reconciliation")
public class TestReconciliationServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TestReconciliation reconciliation;

  @jakarta.annotation.Resource(lookup = "jdbc/kameng")
  transient javax.sql.DataSource database;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String answer =
        switch (request.getParameter("action")) {
          case "start" ->
              reconciliation.start(
                  request.getParameter("kind"),
                  request.getParameter("partner"),
                  request.getParameter("day"),
                  Boolean.parseBoolean(request.getParameter("rerun")));
          case "run" -> reconciliation.run(Long.parseLong(request.getParameter("runId")));
          case "differences" ->
              reconciliation.differences(Long.parseLong(request.getParameter("runId")));
          case "differencesOfDay" -> reconciliation.differencesOfDay(request.getParameter("day"));
          case "progress" -> reconciliation.progress(Long.parseLong(request.getParameter("runId")));
          case "executionStatus" ->
              reconciliation.executionStatus(Long.parseLong(request.getParameter("executionId")));
          case "runOfDay" ->
              reconciliation.runOfDay(
                  request.getParameter("kind"),
                  request.getParameter("partner"),
                  request.getParameter("day"));
          case "warnings" -> reconciliation.warnings();
          case "poolOf" -> poolOf(request.getParameter("orderNo"));
          case "runDue" -> Integer.toString(reconciliation.runDue());
          default -> throw new IllegalArgumentException(request.getParameter("action"));
        };
    response.setStatus(201);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(answer);
  }

  /** The holding-pool entries of an order: {@code LINE_TYPE:STATE} each, oldest first. */
  private String poolOf(String orderNo) {
    try (var connection = database.getConnection();
        var query =
            connection.prepareStatement(
                "SELECT COALESCE(GROUP_CONCAT(p.line_type, ':', p.state ORDER BY p.id), '')"
                    + " FROM reconciliation_pool p JOIN customer_order o ON o.id = p.order_id"
                    + " WHERE o.order_no = ?")) {
      query.setString(1, orderNo);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
