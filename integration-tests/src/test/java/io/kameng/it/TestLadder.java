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
          case "unpaid" -> {
            String products = request.getParameter("products");
            if (!products.matches("[0-9]+(,[0-9]+)*")) {
              throw new IllegalArgumentException(products);
            }
            yield single(
                "SELECT COUNT(*) FROM customer_order WHERE state = 'SUBMITTED' AND product_id IN ("
                    + products
                    + ")");
          }
          case "dayReport" ->
              dayReport(request.getParameter("products"), request.getParameter("now"));
          default -> throw new IllegalArgumentException(request.getParameter("action"));
        };
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print(answer);
  }

  /**
   * The simulated day's figures over the orders of some products, one {@code name=value} per line:
   * paid orders and how they ended, money received / fulfilled / refunded / held, how late the
   * ladder's steps came after their deadlines, and vouchers against the compensation rule. {@code
   * products} are ids (numbers), {@code now} the platform time.
   */
  private String dayReport(String products, String now) {
    if (!products.matches("[0-9]+(,[0-9]+)*")) {
      throw new IllegalArgumentException(products);
    }
    String ours = " o.product_id IN (" + products + ") ";
    String paid =
        " EXISTS (SELECT 1 FROM order_event p WHERE p.order_id = o.id"
            + " AND p.event IN ('PAID', 'PAID_LATE')) ";
    String held =
        " o.state NOT IN ('COMPLETED', 'REFUNDED') AND o.handler IS NOT NULL"
            + " AND o.hold_until > '"
            + java.sql.Timestamp.from(java.time.Instant.parse(now))
            + "' ";
    // When the order stopped waiting: its first completion or refund start.
    String settledAt =
        " (SELECT MIN(s.occurred_at) FROM order_event s WHERE s.order_id = o.id"
            + " AND s.event IN ('COMPLETED', 'REFUND_STARTED')) ";
    String askedBuyer =
        " EXISTS (SELECT 1 FROM order_event b WHERE b.order_id = o.id"
            + " AND b.event = 'BUYER_ASKED_TO_CORRECT') ";
    String openAtPool =
        " ("
            + settledAt
            + " IS NULL OR "
            + settledAt
            + " > DATE_ADD(o.ladder_from, INTERVAL 120 MINUTE)) ";
    String late =
        " SELECT TIMESTAMPDIFF(MICROSECOND, DATE_ADD(o.ladder_from, INTERVAL %d MINUTE),"
            + " e.occurred_at) / 1000000 AS late FROM order_event e"
            + " JOIN customer_order o ON o.id = e.order_id WHERE"
            + ours
            + "AND %s";
    String lateness =
        "("
            + late.formatted(60, "e.event = 'DELAYED'")
            + ") UNION ALL ("
            + late.formatted(120, "e.event = 'ESCALATED'")
            + ") UNION ALL ("
            + late.formatted(
                240, "e.event = 'REFUND_STARTED' AND e.reason LIKE 'not delivered within%'")
            + ")";
    String voucherRule = "LEAST(20.00, GREATEST(1.00, ROUND(o.amount * 5 / 100, 2)))";
    return String.join(
        "\n",
        "paid=" + single("SELECT COUNT(*) FROM customer_order o WHERE" + ours + "AND" + paid),
        "completed="
            + single(
                "SELECT COUNT(*) FROM customer_order o WHERE" + ours + "AND o.state = 'COMPLETED'"),
        "refunded="
            + single(
                "SELECT COUNT(*) FROM customer_order o WHERE" + ours + "AND o.state = 'REFUNDED'"),
        "held=" + single("SELECT COUNT(*) FROM customer_order o WHERE" + ours + "AND" + held),
        "unresolved="
            + single(
                "SELECT COUNT(*) FROM customer_order o WHERE"
                    + ours
                    + "AND"
                    + paid
                    + "AND o.state NOT IN ('COMPLETED', 'REFUNDED') AND NOT ("
                    + held
                    + ")"),
        "moneyReceived="
            + single(
                "SELECT COALESCE(SUM(x.amount), 0) FROM payment_attempt x"
                    + " JOIN customer_order o ON o.id = x.order_id WHERE"
                    + ours
                    + "AND x.state = 'PAID'"),
        "moneyFulfilled="
            + single(
                "SELECT COALESCE(SUM(o.amount), 0) FROM customer_order o WHERE"
                    + ours
                    + "AND o.state = 'COMPLETED'"),
        "moneyRefunded="
            + single(
                "SELECT COALESCE(SUM(x.amount), 0) FROM refund x"
                    + " JOIN customer_order o ON o.id = x.order_id WHERE"
                    + ours
                    + "AND x.state = 'SUCCEEDED'"),
        "moneyHeld="
            + single(
                "SELECT COALESCE(SUM(o.amount), 0) FROM customer_order o WHERE"
                    + ours
                    + "AND"
                    + held),
        "ladderSteps=" + single("SELECT COUNT(*) FROM (" + lateness + ") l"),
        "maxLateSeconds=" + single("SELECT COALESCE(MAX(late), 0) FROM (" + lateness + ") l"),
        "earliestSeconds=" + single("SELECT COALESCE(MIN(late), 0) FROM (" + lateness + ") l"),
        "vouchers="
            + single(
                "SELECT COUNT(*) FROM compensation_voucher v JOIN customer_order o ON o.id = v.order_id"
                    + " WHERE"
                    + ours),
        "vouchersOwed="
            + single(
                "SELECT COUNT(*) FROM customer_order o WHERE"
                    + ours
                    + "AND"
                    + paid
                    + "AND NOT"
                    + askedBuyer
                    + "AND"
                    + openAtPool),
        "vouchersAgainstTheRule="
            + single(
                "SELECT COUNT(*) FROM customer_order o"
                    + " LEFT JOIN compensation_voucher v ON v.order_id = o.id WHERE"
                    + ours
                    + "AND"
                    + paid
                    + "AND ((v.order_id IS NULL) = (NOT"
                    + askedBuyer
                    + "AND"
                    + openAtPool
                    + ")"
                    + " OR v.amount <> "
                    + voucherRule
                    + ")"),
        "vouchersChargedToMerchants="
            + single(
                "SELECT COUNT(*) FROM compensation_voucher v JOIN customer_order o ON o.id = v.order_id"
                    + " WHERE"
                    + ours
                    + "AND v.charged_to IS NOT NULL"));
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
