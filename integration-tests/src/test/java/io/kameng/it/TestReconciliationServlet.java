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
          case "runDue" -> Integer.toString(reconciliation.runDue());
          default -> throw new IllegalArgumentException(request.getParameter("action"));
        };
    response.setStatus(201);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(answer);
  }
}
