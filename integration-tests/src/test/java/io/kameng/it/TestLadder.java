package io.kameng.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Test-only servlet in the test WAR for the escalation ladder: runs the ladder's scans and the
 * notice delivery as the platform does, puts the settings back to their defaults, and reads what is
 * stored about an order's ladder, notices and voucher straight from the tables.
 */
@WebServlet("/ladder")
public class TestLadder extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TestFixtures fixtures;

  @Resource(lookup = "jdbc/kameng")
  transient DataSource database;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String orderNo = request.getParameter("orderNo");
    String answer =
        switch (request.getParameter("action")) {
          case "climb" -> Integer.toString(fixtures.climbLadder());
          case "deliverNotices" -> Integer.toString(fixtures.deliverNotices());
          case "resetSettings" -> {
            update("DELETE FROM platform_setting");
            fixtures.refreshSettings();
            yield "ok";
          }
          case "ladderOf" ->
              single(
                  "SELECT CONCAT_WS(' ', state, COALESCE(owner, '-'), COALESCE(stuck_reason, '-'),"
                      + " COALESCE(ladder_step, '-'), COALESCE(handler, '-'),"
                      + " COALESCE(review_level, '-'), IF(escalated_at IS NULL, 'open', 'pool'),"
                      + " IF(hold_until IS NULL, 'unheld', 'held'))"
                      + " FROM customer_order WHERE order_no = ?",
                  orderNo);
          case "ladderDue" ->
              single(
                  "SELECT COALESCE(CONCAT(ladder_due), '-') FROM customer_order WHERE order_no = ?",
                  orderNo);
          case "noticesOf" ->
              single(
                  "SELECT COALESCE(GROUP_CONCAT(CONCAT(n.kind, ':', n.delivery, ':', n.attempts)"
                      + " ORDER BY n.id), '') FROM order_notice n"
                      + " JOIN customer_order o ON o.id = n.order_id WHERE o.order_no = ?",
                  orderNo);
          case "attemptsOf" ->
              single(
                  "SELECT COALESCE(GROUP_CONCAT(COALESCE(a.http_status, 0) ORDER BY a.id), '')"
                      + " FROM notice_attempt a JOIN order_notice n ON n.id = a.notice_id"
                      + " JOIN customer_order o ON o.id = n.order_id"
                      + " WHERE o.order_no = ? AND n.kind = ?",
                  orderNo,
                  request.getParameter("kind"));
          case "voucherOf" ->
              single(
                  "SELECT COALESCE(CONCAT_WS(' ', COUNT(*), MAX(v.amount), MAX(v.cause),"
                      + " COALESCE(MAX(v.charged_to), '-')), '0')"
                      + " FROM compensation_voucher v JOIN customer_order o ON o.id = v.order_id"
                      + " WHERE o.order_no = ?",
                  orderNo);
          case "riskOf" ->
              single(
                  "SELECT COALESCE(CONCAT_WS(' ', d.outcome, NULLIF(d.rules, ''),"
                      + " d.review_outcome), '-')"
                      + " FROM risk_decision d JOIN customer_order o ON o.id = d.order_id"
                      + " WHERE o.order_no = ?",
                  orderNo);
          default -> throw new IllegalArgumentException(request.getParameter("action"));
        };
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print(answer);
  }

  private String single(String sql, String... parameters) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && rows.getString(1) != null ? rows.getString(1) : "";
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void update(String sql) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
