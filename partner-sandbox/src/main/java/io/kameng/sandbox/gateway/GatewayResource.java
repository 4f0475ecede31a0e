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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Supplier;

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
 *   <li>{@code GET /sandbox/api/gateway/bills?bill_type=trade&bill_date=yyyy-MM-dd} answers the
 *       day's trade bill's download URL (valid 30 s) once the bill is ready, and that URL answers
 *       the bill, a zip of GBK CSV files shaped like Alipay's;
 *   <li>{@code POST/DELETE /sandbox/api/gateway/faults} injects or clears faults;
 *   <li>{@code POST /sandbox/api/gateway/bulk} makes many paid trades at once, for load tests;
 *   <li>{@code POST /sandbox/api/gateway/clock} moves the gateway's time forward or holds it.
 * </ul>
 */
@Path("gateway")
public class GatewayResource {

  @Inject Trades trades;
  @Inject NoticeSender notices;
  @Inject Faults faults;
  @Inject GatewayClock clock;
  @Inject Bills bills;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

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

  /**
   * Makes many paid trades at once without notices, for load tests. Body: {@code {"day":
   * "yyyy-MM-dd", "count": N, "prefix": "<digits>", "amount": "10.00"}}; the trades are {@code
   * <prefix><index zero-padded to 8>P1}, {@code TRADE_SUCCESS}, paid at times spread evenly over
   * that China-time day short of its last 30 minutes (see {@link BulkTrades}), and are billed like
   * any other. 204; 400 for a bad body.
   */
  @POST
  @Path("bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response bulk(JsonObject request) {
    BulkTrades bulk;
    try {
      bulk =
          new BulkTrades(
              LocalDate.parse(request.getString("day", ""), DAY),
              request.getJsonNumber("count").intValueExact(),
              request.getString("prefix", ""),
              new BigDecimal(request.getString("amount", "")));
    } catch (RuntimeException e) {
      return Response.status(400)
          .type(MediaType.TEXT_PLAIN)
          .entity(
              "day: yyyy-MM-dd; count: 1 to "
                  + BulkTrades.MAX_COUNT
                  + "; prefix: digits; amount: a decimal string more than 0 ("
                  + e.getMessage()
                  + ")")
          .build();
    }
    trades.addBulk(bulk);
    return Response.noContent().build();
  }

  @GET
  @Path("trades/{outTradeNo}")
  @Produces(MediaType.APPLICATION_JSON)
  public void query(@PathParam("outTradeNo") String outTradeNo, @Suspended AsyncResponse answer) {
    Faults.CallFault fault = faults.forCall(Faults.Service.QUERY, outTradeNo).orElse(null);
    if (fault == null) {
      answer.resume(tradeStatus(outTradeNo));
    } else if (fault.kind() == ServiceFault.DOWN) {
      answer.resume(Response.status(503).build());
    } else {
      faults.later(fault.hold(), () -> answer.resume(tradeStatus(outTradeNo)));
    }
  }

  private Response tradeStatus(String outTradeNo) {
    return trades
        .byOutTradeNo(outTradeNo)
        .filter(trade -> !trade.forgotten())
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
  public void refund(JsonObject request, @Suspended AsyncResponse answer) {
    Trade trade = trades.byOutTradeNo(request.getString("outTradeNo", "")).orElse(null);
    String requestNo = request.getString("refundRequestNo", "");
    BigDecimal amount;
    try {
      amount = new BigDecimal(request.getString("amount", ""));
    } catch (NumberFormatException e) {
      amount = null;
    }
    if (trade == null || requestNo.isBlank() || amount == null || amount.signum() <= 0) {
      if (trade != null
          && faults
              .forCall(Faults.Service.REFUND, trade.outTradeNo())
              .filter(fault -> fault.kind() == ServiceFault.LOST)
              .isPresent()) {
        answer.resume(Response.status(503).build());
        return;
      }
      answer.resume(
          Response.status(422)
              .entity(Json.createObjectBuilder().add("code", "INVALID_PARAMETER").build())
              .build());
      return;
    }
    BigDecimal refundAmount = amount;
    Supplier<Trade.RefundOutcome> make = () -> trade.refund(requestNo, refundAmount, clock.now());
    Faults.CallFault fault = faults.forCall(Faults.Service.REFUND, trade.outTradeNo()).orElse(null);
    if (fault == null) {
      answer.resume(refunded(requestNo, make.get()));
    } else if (fault.kind() == ServiceFault.DOWN) {
      answer.resume(Response.status(503).build());
    } else if (fault.kind() == ServiceFault.LOST) {
      // The refund is made, but the answer never reaches the merchant, asking again neither.
      make.get();
      answer.resume(Response.status(503).build());
    } else if (fault.kind() == ServiceFault.HANG) {
      // Nothing happens until the hold ends; then the refund is made for a caller long gone.
      faults.later(fault.hold(), () -> answer.resume(refunded(requestNo, make.get())));
    } else {
      // A refund made now is answered too late: the merchant must ask again, and asking again
      // (the same request number) is answered at once.
      Trade.RefundOutcome outcome = make.get();
      if (outcome == Trade.RefundOutcome.REFUNDED) {
        faults.later(fault.hold(), () -> answer.resume(refunded(requestNo, outcome)));
      } else {
        answer.resume(refunded(requestNo, outcome));
      }
    }
  }

  private static Response refunded(String requestNo, Trade.RefundOutcome outcome) {
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
   * The trade bill's download URL, as Alipay's {@code
   * alipay.data.dataservice.bill.downloadurl.query} answers it: {@code
   * ?bill_type=trade&bill_date=yyyy-MM-dd}. Always 200; a bill not ready yet (or a bad date)
   * answers code 40004 with a sub code.
   */
  @GET
  @Path("bills")
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public Response billUrl(
      @QueryParam("bill_type") String billType,
      @QueryParam("bill_date") String billDate,
      @Context UriInfo uri) {
    LocalDate day;
    try {
      day = LocalDate.parse(billDate == null ? "" : billDate, DAY);
    } catch (DateTimeParseException e) {
      day = null;
    }
    if (day == null || !"trade".equals(billType)) {
      return billFailed("isv.invalid-arguments", "参数无效");
    }
    if (!bills.ready(day)) {
      return billFailed("isp.bill_not_exist", "账单不存在");
    }
    URI url = uri.getBaseUriBuilder().path("gateway/bills/download/" + bills.link(day)).build();
    return Response.ok(
            Json.createObjectBuilder()
                .add("code", "10000")
                .add("msg", "Success")
                .add("bill_download_url", url.toString())
                .build())
        .build();
  }

  private static Response billFailed(String subCode, String subMessage) {
    return Response.ok(
            Json.createObjectBuilder()
                .add("code", "40004")
                .add("msg", "Business Failed")
                .add("sub_code", subCode)
                .add("sub_msg", subMessage)
                .build())
        .build();
  }

  /** The bill behind a download URL: a zip of the detail and summary files (GBK). */
  @GET
  @Path("bills/download/{token}")
  public Response downloadBill(@PathParam("token") String token) {
    LocalDate day = bills.day(token).orElse(null);
    if (day == null) {
      return Response.status(403).type(MediaType.TEXT_PLAIN).entity("Request has expired").build();
    }
    if (faults.forBillDay(day.toString()).orElse(null) == BillFault.DOWN) {
      return Response.status(503).build();
    }
    TradeBill bill = bills.bill(day);
    LocalDate billDay = day;
    StreamingOutput zip = out -> bill.zip(billDay, out);
    return Response.ok(zip, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + TradeBill.zipName(day) + "\"")
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
      if (trade.pay(clock.now())) {
        Faults.Injected fault = faults.forTrade(trade.outTradeNo()).orElse(null);
        if (fault != null && fault.notice() == NoticeFault.FORGET) {
          trade.forget();
        }
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
   * for a notice fault; {@code {"scope": …, "query": "DOWN" | "HANG" | "NONE"}} for the trade
   * query; {@code {"scope": …, "refund": "DOWN" | "HANG" | "SLOW" | "LOST" | "NONE"}} for refunds,
   * with an optional {@code "seconds"} for how long HANG holds or SLOW waits (30 and 6); {@code
   * {"scope": "<yyyy-MM-dd>" or "*", "bill": "NOT_READY" | "DOWN" | "EXPIRED" | "TRUNCATED" |
   * "BAD_TRAILER" | "NONE"}} or {@code {"scope": "<outTradeNo>", "bill": "WRONG_FEE" |
   * "WRONG_AMOUNT" | "NONE"}} for the trade bill (see {@link BillFault}); {@code "notice":
   * "FORGET"} takes the money but forgets the trade. The scope is {@code *} when left out.
   */
  @POST
  @Path("faults")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response inject(JsonObject fault) {
    String scope = fault.getString("scope", "*");
    try {
      if (fault.containsKey("bill")) {
        faults.inject(scope, billFault(scope, fault.getString("bill")));
      } else if (fault.containsKey("refund")) {
        faults.inject(Faults.Service.REFUND, scope, callFault(fault, "refund"));
      } else if (fault.containsKey("query")) {
        Faults.CallFault query = callFault(fault, "query");
        if (query != null
            && (query.kind() == ServiceFault.SLOW || query.kind() == ServiceFault.LOST)) {
          throw new IllegalArgumentException("A query is DOWN or HANGs");
        }
        faults.inject(Faults.Service.QUERY, scope, query);
      } else if ("NONE".equals(fault.getString("notice", ""))) {
        faults.healNotice(scope);
      } else {
        faults.inject(
            scope,
            new Faults.Injected(
                NoticeFault.valueOf(fault.getString("notice", "")),
                fault.getInt("copies", 1),
                fault.getInt("seconds", 0)));
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      return Response.status(400).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
    }
    return Response.noContent().build();
  }

  /** A bill fault for {@code scope}: a day's for a day or {@code *}, a payment's for another. */
  private static BillFault billFault(String scope, String name) {
    if ("NONE".equals(name)) {
      return null;
    }
    BillFault fault = BillFault.valueOf(name);
    boolean day;
    try {
      LocalDate.parse(scope, DAY);
      day = true;
    } catch (DateTimeParseException e) {
      day = false;
    }
    if (fault.forDay() ? !(day || scope.equals("*")) : day) {
      throw new IllegalArgumentException(
          name + (fault.forDay() ? " is for a day (yyyy-MM-dd) or *" : " is for an out_trade_no"));
    }
    return fault;
  }

  /** The fault named by {@code field} with its hold ({@code seconds}); null for NONE. */
  private static Faults.CallFault callFault(JsonObject fault, String field) {
    String name = fault.getString(field);
    if ("NONE".equals(name)) {
      return null;
    }
    ServiceFault kind = ServiceFault.valueOf(name);
    Duration standard = kind == ServiceFault.SLOW ? Faults.SLOW : Faults.HANG;
    int seconds = fault.getInt("seconds", (int) standard.toSeconds());
    if (seconds < 0 || seconds > 600) {
      throw new IllegalArgumentException("seconds between 0 and 600");
    }
    return new Faults.CallFault(kind, Duration.ofSeconds(seconds));
  }

  /**
   * Moves the gateway's clock, as the tests move the platform's: payments and refunds made
   * afterwards carry the later time. Body {@code {"advanceSeconds": N}} moves it forward and lets
   * it run; {@code {"at": "<ISO-8601 instant>", "frozen": true|false}} sets it to a later instant,
   * held still there until the next clock call when frozen; {@code {"frozen": false}} alone lets a
   * frozen clock run on from where it stands ({@code true} holds it where it stands).
   */
  @POST
  @Path("clock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response moveClock(JsonObject request) {
    Instant now;
    try {
      if (request.containsKey("advanceSeconds")) {
        long seconds = request.getJsonNumber("advanceSeconds").longValueExact();
        if (seconds < 0) {
          throw new IllegalArgumentException();
        }
        now = clock.advance(Duration.ofSeconds(seconds));
      } else if (request.containsKey("at")) {
        now =
            clock.set(Instant.parse(request.getString("at")), request.getBoolean("frozen", false));
      } else if (request.containsKey("frozen")) {
        now = clock.freeze(request.getBoolean("frozen"));
      } else {
        throw new IllegalArgumentException();
      }
    } catch (RuntimeException e) {
      return Response.status(400)
          .type(MediaType.TEXT_PLAIN)
          .entity(
              "advanceSeconds: whole seconds, 0 or more; or at: an ISO-8601 instant not before"
                  + " now, with frozen: true or false")
          .build();
    }
    return Response.ok(Json.createObjectBuilder().add("now", now.toString()).build()).build();
  }

  /** Puts the gateway's clock back to real time. */
  @DELETE
  @Path("clock")
  public Response resetClock() {
    clock.reset();
    return Response.noContent().build();
  }

  @DELETE
  @Path("faults")
  public Response clear() {
    faults.clear();
    return Response.noContent().build();
  }
}
