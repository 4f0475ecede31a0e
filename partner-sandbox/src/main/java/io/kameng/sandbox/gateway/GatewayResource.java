package io.kameng.sandbox.gateway;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

/**
 * The sandbox payment gateway, over HTTP like a real one:
 *
 * <ul>
 *   <li>{@code POST /sandbox/api/gateway/payments} (JSON: outTradeNo, amount, subject, notifyUrl,
 *       returnUrl) creates a trade and answers its pay URL;
 *   <li>{@code GET /sandbox/api/gateway/pay/{tradeNo}} is the page where the buyer (or a test) pays
 *       or gives up; paying sends the signed notice and returns the buyer to the merchant;
 *   <li>{@code GET /sandbox/api/gateway/trades/{outTradeNo}} answers the trade's status (the
 *       merchant's active query);
 *   <li>{@code POST /sandbox/api/gateway/refunds} refunds, once per refund request number;
 *   <li>{@code GET /sandbox/api/gateway/statements/{yyyy-MM-dd}} is the day's statement (CSV);
 *   <li>{@code POST/DELETE /sandbox/api/gateway/faults} injects or clears faults.
 * </ul>
 */
@Path("gateway")
public class GatewayResource {

  @Inject Trades trades;
  @Inject NoticeSender notices;
  @Inject Faults faults;

  @POST
  @Path("payments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(JsonObject request) {
    String outTradeNo = request.getString("outTradeNo", "");
    String notifyUrl = request.getString("notifyUrl", "");
    BigDecimal amount;
    try {
      amount = new BigDecimal(request.getString("amount", ""));
    } catch (NumberFormatException e) {
      amount = null;
    }
    if (outTradeNo.isBlank() || notifyUrl.isBlank() || amount == null || amount.signum() <= 0) {
      return Response.status(400)
          .entity(Json.createObjectBuilder().add("code", "INVALID_PARAMETER").build())
          .build();
    }
    Trade trade =
        trades.create(
            outTradeNo,
            amount,
            request.getString("subject", outTradeNo),
            notifyUrl,
            request.getString("returnUrl", ""));
    return Response.ok(
            Json.createObjectBuilder()
                .add("tradeNo", trade.tradeNo())
                .add("outTradeNo", trade.outTradeNo())
                .add("payUrl", "/sandbox/api/gateway/pay/" + trade.tradeNo())
                .build())
        .build();
  }

  @GET
  @Path("trades/{outTradeNo}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response query(@PathParam("outTradeNo") String outTradeNo) throws InterruptedException {
    if (faults.queriesDown()) {
      return Response.status(503).build();
    }
    if (faults.queriesHang()) {
      Thread.sleep(30_000);
    }
    return trades
        .byOutTradeNo(outTradeNo)
        .map(
            trade ->
                Response.ok(
                        Json.createObjectBuilder()
                            .add("tradeNo", trade.tradeNo())
                            .add("outTradeNo", trade.outTradeNo())
                            .add("amount", trade.amount().toPlainString())
                            .add("tradeStatus", trade.status().name())
                            .add("refunded", trade.refunded().toPlainString())
                            .add("refundCount", trade.refundCount())
                            .build())
                    .build())
        .orElseGet(
            () ->
                Response.status(404)
                    .entity(Json.createObjectBuilder().add("code", "TRADE_NOT_EXIST").build())
                    .build());
  }

  /**
   * Refunds part or all of a paid trade. Body: {@code {"outTradeNo", "refundRequestNo", "amount"}}.
   * The same refund request number never refunds twice.
   */
  @POST
  @Path("refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response refund(JsonObject request) throws InterruptedException {
    Trade trade = trades.byOutTradeNo(request.getString("outTradeNo", "")).orElse(null);
    String requestNo = request.getString("refundRequestNo", "");
    BigDecimal amount;
    try {
      amount = new BigDecimal(request.getString("amount", ""));
    } catch (NumberFormatException e) {
      amount = null;
    }
    if (trade == null || requestNo.isBlank() || amount == null || amount.signum() <= 0) {
      return Response.status(422)
          .entity(Json.createObjectBuilder().add("code", "INVALID_PARAMETER").build())
          .build();
    }
    Trade.RefundOutcome outcome = trade.refund(requestNo, amount);
    if (faults.refundsSlow() && outcome == Trade.RefundOutcome.REFUNDED) {
      // The refund is made, but its answer comes too late: the merchant must ask again.
      Thread.sleep(6_000);
    }
    return switch (outcome) {
      case REFUNDED, ALREADY_REFUNDED ->
          Response.ok(
                  Json.createObjectBuilder()
                      .add("refundRequestNo", requestNo)
                      .add("status", "REFUND_SUCCESS")
                      .build())
              .build();
      case NOT_PAID, AMOUNT_EXCEEDED ->
          Response.status(422)
              .entity(Json.createObjectBuilder().add("code", outcome.name()).build())
              .build();
    };
  }

  /**
   * The day's statement (China time, {@code yyyy-MM-dd}) as CSV: payments and refunds with fees.
   */
  @GET
  @Path("statements/{day}")
  @Produces("text/csv")
  public Response statement(@PathParam("day") String day) {
    java.time.LocalDate date;
    try {
      date = java.time.LocalDate.parse(day);
    } catch (java.time.format.DateTimeParseException e) {
      return Response.status(400).type(MediaType.TEXT_PLAIN).entity("Day as yyyy-MM-dd").build();
    }
    return Response.ok(Statement.of(trades.all(), date))
        .header("Content-Disposition", "attachment; filename=\"statement-" + date + ".csv\"")
        .build();
  }

  @GET
  @Path("pay/{tradeNo}")
  @Produces(MediaType.TEXT_HTML)
  public Response payPage(@PathParam("tradeNo") String tradeNo) {
    return trades
        .byTradeNo(tradeNo)
        .map(trade -> Response.ok(PayPage.html(trade)).build())
        .orElseGet(() -> Response.status(404).entity("No such trade").build());
  }

  @POST
  @Path("pay/{tradeNo}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response pay(@PathParam("tradeNo") String tradeNo, @FormParam("action") String action) {
    Trade trade = trades.byTradeNo(tradeNo).orElse(null);
    if (trade == null) {
      return Response.status(404).entity("No such trade").build();
    }
    if ("pay".equals(action)) {
      if (trade.pay(Instant.now())) {
        notices.notifyPaid(trade);
      }
    } else {
      trade.close();
    }
    return trade.returnUrl().isBlank()
        ? Response.ok(PayPage.html(trade), MediaType.TEXT_HTML).build()
        : Response.seeOther(URI.create(trade.returnUrl())).build();
  }

  /**
   * Body: {@code {"scope": "<outTradeNo>" or "*", "notice": "DROP", "copies": 50, "seconds": 5}}
   * for a notice fault, {@code {"query": "DOWN"}} (503) or {@code {"query": "HANG"}} (30 s) for the
   * trade query, {@code {"refund": "SLOW"}} for refunds.
   */
  @POST
  @Path("faults")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response inject(JsonObject fault) {
    if (fault.containsKey("refund")) {
      faults.refundsSlow("SLOW".equals(fault.getString("refund")));
      return Response.noContent().build();
    }
    if (fault.containsKey("query")) {
      faults.queriesDown("DOWN".equals(fault.getString("query")));
      faults.queriesHang("HANG".equals(fault.getString("query")));
      return Response.noContent().build();
    }
    faults.inject(
        fault.getString("scope", "*"),
        new Faults.Injected(
            NoticeFault.valueOf(fault.getString("notice")),
            fault.getInt("copies", 1),
            fault.getInt("seconds", 0)));
    return Response.noContent().build();
  }

  @DELETE
  @Path("faults")
  public Response clear() {
    faults.clear();
    return Response.noContent().build();
  }
}
