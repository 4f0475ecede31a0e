package io.kameng.it;

import io.kameng.payment.entity.RefundReason;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Test-only servlet in the test WAR for client-side order tests: moves the platform clock, runs the
 * expiry scan, drives an order along, and counts what is stored in MariaDB (straight from the
 * tables, so "nothing was stored" is checked where it matters).
 */
@WebServlet("/orders")
public class TestOrders extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TestFixtures fixtures;

  @Resource(lookup = "jdbc/kameng")
  transient DataSource database;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String answer =
        switch (request.getParameter("action")) {
          case "advance" ->
              fixtures
                  .advanceClock(Duration.ofSeconds(Long.parseLong(request.getParameter("seconds"))))
                  .toString();
          case "expire" -> Integer.toString(fixtures.expireDueOrders());
          case "queryPayments" -> Integer.toString(fixtures.queryDuePayments());
          case "refund" -> Integer.toString(fixtures.processDueRefunds());
          case "dispatch" -> Integer.toString(fixtures.dispatchPaidOrders());
          case "querySuppliers" -> Integer.toString(fixtures.querySuppliers());
          case "merchantDeadlines" -> Integer.toString(fixtures.releaseDueMerchantOrders());
          case "dispatchOne" ->
              Boolean.toString(fixtures.dispatchOne(request.getParameter("orderNo")));
          case "standing" ->
              fixtures.changeStanding(
                  request.getParameter("merchant"),
                  io.kameng.merchants.entity.MerchantStanding.valueOf(
                      request.getParameter("standing")),
                  Integer.parseInt(request.getParameter("limit")));
          case "merchantOf" ->
              single(
                  "SELECT CONCAT(state, ' ', COALESCE(owner, '-'), ' ', COALESCE(merchant, '-'), ' ',"
                      + " COALESCE(merchant_step, '-'), ' ', COALESCE(stuck_reason, '-'))"
                      + " FROM customer_order WHERE order_no = ?",
                  request.getParameter("orderNo"));
          case "keysOwnedBy" ->
              count(
                  "SELECT COUNT(*) FROM card_key WHERE product_id = ? AND owner = ?",
                  request.getParameter("productId"),
                  request.getParameter("owner"));
          case "strikesOf" ->
              single(
                  "SELECT COALESCE(GROUP_CONCAT(s.kind ORDER BY s.id), '') FROM merchant_strike s"
                      + " JOIN customer_order o ON o.id = s.order_id WHERE o.order_no = ?"
                      + " AND s.merchant = ?",
                  request.getParameter("orderNo"),
                  request.getParameter("merchant"));
          case "routeSupplyFailures" ->
              fixtures.routeSupplyFailures(
                  Long.parseLong(request.getParameter("productId")),
                  request.getParameter("chain"),
                  Boolean.parseBoolean(request.getParameter("merchantFallback")));
          case "allowPartialDelivery" -> {
            fixtures.allowPartialDelivery(Long.parseLong(request.getParameter("productId")));
            yield "ok";
          }
          case "importKeys" ->
              fixtures.importKeys(
                  Long.parseLong(request.getParameter("productId")),
                  request.getParameter("csv"),
                  Boolean.parseBoolean(request.getParameter("acceptValidRows")));
          case "cardKeys" ->
              single(
                  "SELECT CONCAT('available=', COALESCE(SUM(state = 'AVAILABLE'), 0), ' issued=',"
                      + " COALESCE(SUM(state = 'ISSUED'), 0), ' orders=', COUNT(DISTINCT order_id),"
                      + " ' readable=', COALESCE(SUM(INSTR(code_sealed, ?) > 0), 0))"
                      + " FROM card_key WHERE product_id = ?",
                  request.getParameter("plain"),
                  request.getParameter("productId"));
          case "orderStates" ->
              single(
                  "SELECT GROUP_CONCAT(s ORDER BY s) FROM (SELECT CONCAT(state, '/',"
                      + " COALESCE(stuck_reason, '-'), ':', COUNT(*)) s FROM customer_order"
                      + " WHERE product_id = ? GROUP BY state, stuck_reason) states",
                  request.getParameter("productId"));
          case "orderNos" ->
              single(
                  "SELECT COALESCE(GROUP_CONCAT(order_no ORDER BY deadline, id), '')"
                      + " FROM customer_order"
                      + " WHERE product_id = ? AND state = ?",
                  request.getParameter("productId"),
                  request.getParameter("state"));
          case "requestRefund" ->
              fixtures.requestRefund(
                  request.getParameter("orderNo"),
                  request.getParameter("amount") == null
                      ? null
                      : new BigDecimal(request.getParameter("amount")),
                  RefundReason.UNDELIVERED_PART);
          case "refunds" ->
              single(
                  "SELECT CONCAT(COUNT(*), ' ', COALESCE(GROUP_CONCAT(r.state, ':', r.reason,"
                      + " ':', r.amount ORDER BY r.id), '')) FROM refund r"
                      + " JOIN customer_order o ON o.id = r.order_id WHERE o.order_no = ?",
                  request.getParameter("orderNo"));
          case "drive" -> {
            fixtures.driveOrder(request.getParameter("orderNo"), request.getParameter("step"));
            yield "ok";
          }
          case "countOrders" ->
              count(
                  "SELECT COUNT(*) FROM customer_order WHERE product_id = ?",
                  request.getParameter("productId"));
          case "countEvents" ->
              count(
                  "SELECT COUNT(*) FROM order_event e JOIN customer_order o ON o.id = e.order_id"
                      + " WHERE o.order_no = ? AND e.event = ?",
                  request.getParameter("orderNo"),
                  request.getParameter("event"));
          case "countNotices" ->
              count(
                  "SELECT COUNT(*) FROM payment_notice WHERE reference = ? AND outcome = ?",
                  request.getParameter("reference"),
                  request.getParameter("outcome"));
          case "countAllNotices" -> count("SELECT COUNT(*) FROM payment_notice");
          case "invariants" -> invariants(request.getParameter("productId"));
          case "countRequestKeys" -> count("SELECT COUNT(*) FROM order_request_key");
          case "storedInput" ->
              single(
                  "SELECT buyer_input FROM customer_order WHERE order_no = ?",
                  request.getParameter("orderNo"));
          default -> throw new IllegalArgumentException(request.getParameter("action"));
        };
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print(answer);
  }

  /**
   * The money and ownership invariants over the orders of one product, one {@code name=value} per
   * line: orders paid twice, money received (paid attempts), money kept for fulfilment (orders in a
   * paid state), money refunded and still to refund, open orders without owner or deadline, orders
   * per state.
   */
  private String invariants(String productId) {
    String ofProduct = " JOIN customer_order o ON o.id = x.order_id WHERE o.product_id = ?";
    return String.join(
        "\n",
        "paidTwice="
            + single(
                "SELECT COUNT(*) FROM (SELECT x.order_id FROM order_event x"
                    + " JOIN customer_order o ON o.id = x.order_id"
                    + " WHERE o.product_id = ? AND x.event = 'PAID'"
                    + " GROUP BY x.order_id HAVING COUNT(*) > 1) twice",
                productId),
        "received="
            + single(
                "SELECT COALESCE(SUM(x.amount), 0) FROM payment_attempt x"
                    + ofProduct
                    + " AND x.state = 'PAID'",
                productId),
        "kept="
            + single(
                "SELECT COALESCE(SUM(o.amount), 0) FROM customer_order o WHERE o.product_id = ?"
                    + " AND o.state NOT IN ('SUBMITTED', 'CANCELLED', 'REFUNDED')",
                productId),
        "refunded="
            + single(
                "SELECT COALESCE(SUM(x.amount), 0) FROM refund x"
                    + ofProduct
                    + " AND x.state = 'SUCCEEDED'",
                productId),
        "toRefund="
            + single(
                "SELECT COUNT(*) FROM refund x" + ofProduct + " AND x.state <> 'SUCCEEDED'",
                productId),
        "openWithoutOwnerOrDeadline="
            + single(
                "SELECT COUNT(*) FROM customer_order o WHERE o.product_id = ?"
                    + " AND o.state NOT IN ('COMPLETED', 'CANCELLED', 'REFUNDED')"
                    + " AND (o.owner IS NULL OR o.deadline IS NULL)",
                productId),
        "states="
            + single(
                "SELECT GROUP_CONCAT(s ORDER BY s) FROM (SELECT CONCAT(o.state, ':', COUNT(*)) s"
                    + " FROM customer_order o WHERE o.product_id = ? GROUP BY o.state) states",
                productId));
  }

  private String count(String sql, String... parameters) {
    return single(sql, parameters);
  }

  private String single(String sql, String... parameters) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
