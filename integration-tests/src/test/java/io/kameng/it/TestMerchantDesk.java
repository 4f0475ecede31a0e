package io.kameng.it;

import io.kameng.merchants.boundary.MerchantDesk;
import io.kameng.merchants.entity.HeldOrder;
import io.kameng.merchants.entity.MerchantStatus;
import io.kameng.merchants.entity.PoolOrder;
import io.kameng.platform.entity.BusinessException;
import io.kameng.stock.boundary.MerchantStock;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.StockLevel;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test-only servlet in the test WAR: one merchant's action at the {@link MerchantDesk} or {@link
 * MerchantStock} boundary, as the merchant named in the request (see {@link TestMerchantSignIn}).
 * Answers 201 with the outcome in one line: what the boundary answered, {@code refused:<code>} when
 * it said no, or {@code denied} when the container refused the caller.
 */
@WebServlet("/desk")
public class TestMerchantDesk extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Inject transient MerchantDesk desk;

  @Inject transient MerchantStock stock;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    String orderNo = request.getParameter("orderNo");
    String text = request.getParameter("text");
    String answer;
    try {
      answer =
          switch (request.getParameter("action")) {
            case "online" -> status(desk.goOnline());
            case "offline" -> status(desk.goOffline());
            case "status" -> status(desk.status());
            case "claim" -> held(desk.claim(orderNo));
            case "claimNext" -> desk.claimNext().map(TestMerchantDesk::held).orElse("none");
            case "accept" -> held(desk.accept(orderNo));
            case "fulfil" -> {
              desk.fulfil(orderNo, text);
              yield "ok";
            }
            case "reject" -> {
              desk.reject(orderNo, text);
              yield "ok";
            }
            case "report" -> {
              desk.reportBuyerInput(orderNo, text);
              yield "ok";
            }
            case "myOrders" ->
                desk.myOrders().stream()
                    .map(TestMerchantDesk::held)
                    .collect(Collectors.joining(","));
            case "pool" ->
                desk.pool().stream().map(PoolOrder::orderNo).collect(Collectors.joining(","));
            case "strikes" ->
                desk.myStrikes().stream()
                    .map(strike -> strike.kind() + ":" + strike.orderId())
                    .collect(Collectors.joining(","));
            case "myStock" -> levels(stock.myLevels());
            case "lowStock" -> levels(stock.lowStock());
            case "importKeys" -> {
              ImportReport report =
                  stock.importKeys(
                      Long.parseLong(request.getParameter("productId")),
                      request.getParameter("csv"),
                      Boolean.parseBoolean(request.getParameter("acceptValidRows")));
              yield "stored="
                  + report.stored()
                  + " accepted="
                  + report.accepted()
                  + " rejected="
                  + report.rejected().size();
            }
            default -> throw new IllegalArgumentException(request.getParameter("action"));
          };
    } catch (BusinessException refused) {
      answer = "refused:" + refused.code();
    } catch (EJBAccessException denied) {
      answer = "denied";
    }
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print(answer);
  }

  private static String status(MerchantStatus status) {
    return (status.online() ? "online" : "offline")
        + " "
        + status.standing()
        + " "
        + status.inHand()
        + "/"
        + status.orderLimit()
        + " strikes="
        + status.recentStrikes();
  }

  private static String levels(List<StockLevel> levels) {
    return levels.stream()
        .map(level -> level.productId() + ":" + level.available())
        .collect(Collectors.joining(","));
  }

  private static String held(HeldOrder order) {
    return order.orderNo() + ":" + order.step();
  }

  /** Client side: {@code merchant} does {@code action}; the outcome line. */
  public static String act(String merchant, String action, String... nameValues) {
    StringBuilder form = new StringBuilder("action=").append(action);
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      form.append('&')
          .append(nameValues[i])
          .append('=')
          .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(KamengTestEnvironment.stack().server().httpUrl() + "/kameng-tests/desk"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    if (merchant != null) {
      request.header(TestMerchantSignIn.HEADER, merchant);
    }
    try {
      HttpResponse<String> answer =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() != 201) {
        throw new IllegalStateException(
            "Desk " + action + ": " + answer.statusCode() + " " + answer.body());
      }
      return answer.body().trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Client side: the outcome of {@code action} on one order, with a text or none. */
  public static String onOrder(String merchant, String action, String orderNo, String text) {
    return text == null
        ? act(merchant, action, "orderNo", orderNo)
        : act(merchant, action, "orderNo", orderNo, "text", text);
  }
}
