package io.kameng.it;

import io.kameng.escalation.boundary.ExceptionPool;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.boundary.PlatformSettings;
import io.kameng.platform.entity.BusinessException;
import io.kameng.platform.entity.SettingsRefusedException;
import io.kameng.risk.boundary.Blacklist;
import io.kameng.risk.boundary.RiskReview;
import io.kameng.risk.entity.BlacklistKind;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Test-only servlet in the test WAR: one staff member's action at the review queue ({@link
 * RiskReview}), the exception pool ({@link ExceptionPool}), the settings ({@link PlatformSettings})
 * or the blacklist ({@link Blacklist}), as the reviewer or admin named in the request (see {@link
 * TestMerchantSignIn#STAFF_HEADER}). Answers 201 with the outcome in one line, {@code
 * refused:<code>} when a rule said no, or {@code denied} when the container refused the caller.
 */
@WebServlet("/staff")
public class TestStaffDesk extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Inject transient RiskReview review;
  @Inject transient ExceptionPool pool;
  @Inject transient PlatformSettings settings;
  @Inject transient Blacklist blacklist;
  @Inject transient PlatformClock clock;

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
            case "reviewQueue" ->
                review.queue().stream()
                    .map(e -> e.order().orderNo() + ":" + e.order().reviewLevel().orElse(0))
                    .collect(Collectors.joining(","));
            case "reviewClaim" -> review.claim(orderNo).order().orderNo();
            case "reviewClaimNext" ->
                review.claimNext().map(e -> e.order().orderNo()).orElse("none");
            case "approve" -> {
              review.approve(orderNo, text);
              yield "ok";
            }
            case "reject" -> {
              review.reject(orderNo, text);
              yield "ok";
            }
            case "pool" ->
                pool.orders().stream()
                    .map(e -> e.order().orderNo() + ":" + e.order().stuckReason().orElse(null))
                    .collect(Collectors.joining(","));
            case "poolClaim" -> pool.claim(orderNo).order().orderNo();
            case "poolClaimNext" -> pool.claimNext().map(e -> e.order().orderNo()).orElse("none");
            case "redispatch" -> {
              pool.redispatch(orderNo);
              yield "ok";
            }
            case "poolRefund" -> {
              pool.refund(orderNo, text);
              yield "ok";
            }
            case "hold" -> {
              String seconds = request.getParameter("seconds");
              pool.hold(
                  orderNo,
                  text,
                  seconds == null
                      ? null
                      : clock.now().plus(Duration.ofSeconds(Long.parseLong(seconds))));
              yield "ok";
            }
            case "settings" -> {
              Map<String, String> values = new LinkedHashMap<>();
              request
                  .getParameterMap()
                  .forEach(
                      (name, value) -> {
                        if (name.startsWith("s.")) {
                          values.put(name.substring(2), value[0]);
                        }
                      });
              yield settings.change(values).stream()
                  .map(setting -> setting.key())
                  .collect(Collectors.joining(","));
            }
            case "settingHistory" ->
                settings.history(10).stream()
                    .map(
                        c ->
                            c.name()
                                + ":"
                                + c.oldValue()
                                + "->"
                                + c.newValue()
                                + ":"
                                + c.changedBy())
                    .collect(Collectors.joining(","));
            case "blacklist" ->
                blacklist
                    .add(BlacklistKind.valueOf(request.getParameter("kind")), text, "test")
                    .value();
            default -> throw new IllegalArgumentException(request.getParameter("action"));
          };
    } catch (SettingsRefusedException refused) {
      answer =
          "refused:"
              + refused.problems().stream()
                  .map(p -> p.setting().key() + "=" + p.code())
                  .collect(Collectors.joining(","));
    } catch (BusinessException refused) {
      answer = "refused:" + refused.code();
    } catch (EJBAccessException denied) {
      answer = "denied";
    }
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print(answer);
  }

  /** Client side: {@code staff} ({@code name:ROLE}) does {@code action}; the outcome line. */
  public static String act(String staff, String action, String... nameValues) {
    StringBuilder form = new StringBuilder("action=").append(action);
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      form.append('&')
          .append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    KamengTestEnvironment.stack().server().httpUrl() + "/kameng-tests/staff"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(TestMerchantSignIn.STAFF_HEADER, staff)
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    try {
      HttpResponse<String> answer =
          HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() != 201) {
        throw new IllegalStateException(
            "Staff " + action + ": " + answer.statusCode() + " " + answer.body());
      }
      return answer.body().trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
