package io.kameng.sandbox.supplier;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The sandbox upstream supplier, over HTTP like a real one:
 *
 * <ul>
 *   <li>{@code POST /sandbox/api/supplier/recharges} (JSON: requestId, product, account, amount,
 *       callbackUrl, and optionally line: {@code main} by default or {@code backup}, the supplier's
 *       two lines, which faults can tell apart) takes a recharge and answers {@code PROCESSING}
 *       with the supplier's order no; the same requestId again answers the same recharge and
 *       recharges nothing more;
 *   <li>the result comes later as a signed callback (RSA2, the supplier's own key pair);
 *   <li>{@code GET /sandbox/api/supplier/recharges/{requestId}} answers its status;
 *   <li>{@code GET /sandbox/api/supplier/statements/{yyyy-MM-dd}?line=main|backup} is the line's
 *       statement of the day (CSV);
 *   <li>{@code POST/DELETE /sandbox/api/supplier/faults} injects or clears faults.
 * </ul>
 */
@Path("supplier")
public class SupplierResource {

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** The line a recharge comes in on when the request names none. */
  static final String MAIN_LINE = "main";

  @Inject Recharges recharges;
  @Inject SupplierWork work;
  @Inject SupplierFaults faults;

  @POST
  @Path("recharges")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public void recharge(JsonObject request, @Suspended AsyncResponse answer) {
    String requestId = request.getString("requestId", "");
    String account = request.getString("account", "");
    String callbackUrl = request.getString("callbackUrl", "");
    String line = request.getString("line", MAIN_LINE);
    BigDecimal amount;
    try {
      amount = new BigDecimal(request.getString("amount", ""));
    } catch (NumberFormatException e) {
      amount = null;
    }
    if (!REQUEST_ID.matcher(requestId).matches()
        || account.isBlank()
        || !callbackUrl.startsWith("http")
        || amount == null
        || amount.signum() <= 0
        || !(line.equals(MAIN_LINE) || line.equals("backup"))) {
      answer.resume(problem(400, "INVALID_PARAMETER"));
      return;
    }
    SupplierFaults.Injected fault = faults.forAccount(account, line).orElse(null);
    SupplierFault kind = fault == null ? null : fault.fault();
    if (kind == SupplierFault.DOWN) {
      answer.resume(Response.status(503).build());
      return;
    }
    if (kind == SupplierFault.ERROR) {
      answer.resume(problem(500, "SYSTEM_ERROR"));
      return;
    }
    Recharges.Taken taken =
        recharges.take(
            requestId, line, request.getString("product", ""), account, amount, callbackUrl);
    // The answer as the recharge stands now: the work may finish it before the answer is sent.
    Response accepted = Response.ok(status(taken.recharge())).build();
    if (taken.made()) {
      work.process(taken.recharge(), fault);
    }
    if (kind == SupplierFault.TIMEOUT) {
      work.later(fault.hold(), () -> answer.resume(accepted));
    } else {
      answer.resume(accepted);
    }
  }

  @GET
  @Path("recharges/{requestId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response query(@PathParam("requestId") String requestId) {
    return recharges
        .byRequestId(requestId)
        .map(recharge -> Response.ok(status(recharge)).build())
        .orElseGet(() -> problem(404, "ORDER_NOT_EXIST"));
  }

  /**
   * The day's statement of one line ({@code ?line=main}, the default, or {@code backup}): the
   * recharges that finished that China-time day, as CSV with a total line.
   */
  @GET
  @Path("statements/{day}")
  @Produces("text/csv; charset=UTF-8")
  public Response statement(
      @PathParam("day") String day, @QueryParam("line") @DefaultValue(MAIN_LINE) String line) {
    java.time.LocalDate date;
    try {
      date =
          java.time.LocalDate.parse(
              day,
              java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
                  .withResolverStyle(java.time.format.ResolverStyle.STRICT));
    } catch (java.time.format.DateTimeParseException e) {
      date = null;
    }
    if (date == null || !(line.equals(MAIN_LINE) || line.equals("backup"))) {
      return Response.status(400)
          .type(MediaType.TEXT_PLAIN)
          .entity("A day as yyyy-MM-dd and a line: main or backup")
          .build();
    }
    return Response.ok(SupplierStatement.of(recharges.all(), line, date)).build();
  }

  /**
   * Body: {@code {"scope": "<account>" or "*", "fault": "DOWN" | "ERROR" | "TIMEOUT" | "SLOW" |
   * "WRONG_RESULT" | "CALLBACK_LOST", "seconds": s, "line": "main" | "backup"}} (seconds for
   * TIMEOUT and SLOW, default 30; without a line, the fault is on both lines).
   */
  @POST
  @Path("faults")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response inject(JsonObject fault) {
    try {
      int seconds = fault.getInt("seconds", 30);
      if (seconds < 0 || seconds > 600) {
        throw new IllegalArgumentException("seconds between 0 and 600");
      }
      faults.inject(
          fault.getString("scope", "*"),
          java.util.Optional.ofNullable(fault.getString("line", null)),
          new SupplierFaults.Injected(
              SupplierFault.valueOf(fault.getString("fault", "")), Duration.ofSeconds(seconds)));
    } catch (IllegalArgumentException | ClassCastException e) {
      return Response.status(400).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path("faults")
  public Response clear() {
    faults.clear();
    return Response.noContent().build();
  }

  private static JsonObject status(Recharge recharge) {
    var json =
        Json.createObjectBuilder()
            .add("requestId", recharge.requestId())
            .add("supplierOrderNo", recharge.supplierOrderNo())
            .add("account", recharge.account())
            .add("amount", recharge.amount().toPlainString())
            .add("status", recharge.status().name());
    if (recharge.failReason() != null) {
      json.add("failReason", recharge.failReason());
    }
    return json.build();
  }

  private static Response problem(int status, String code) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Json.createObjectBuilder().add("code", code).build())
        .build();
  }
}
