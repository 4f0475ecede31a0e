package io.kameng.admin.api;

import io.kameng.batch.reconciliation.Reconciliations;
import io.kameng.platform.entity.BusinessException;
import io.kameng.reconciliation.boundary.ReconciliationRuns;
import io.kameng.reconciliation.entity.ReconciliationRun;
import io.kameng.reconciliation.entity.StatementKind;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reconciliation runs for ADMINs (reviewers get 403): {@code POST /admin/api/reconciliation/runs}
 * {@code {"kind": "PAYMENT", "partner": "sandbox", "day": "yyyy-MM-dd", "rerun": false}} starts the
 * day's run as the admin ({@code 201 {"runId": n}}; 409 with the code when refused, 400 for a bad
 * body), {@code GET /admin/api/reconciliation/runs/{id}} answers its state, step, items and times.
 */
@Path("reconciliation/runs")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationRunsResource {

  @Inject Reconciliations reconciliations;
  @Inject ReconciliationRuns runs;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(JsonObject request) {
    if (!security.isUserInRole("ADMIN")) {
      return Response.status(403).build();
    }
    StatementKind kind;
    LocalDate day;
    String partner = request.getString("partner", "");
    try {
      kind = StatementKind.valueOf(request.getString("kind", ""));
      day = LocalDate.parse(request.getString("day", ""));
    } catch (IllegalArgumentException | DateTimeParseException | ClassCastException e) {
      return problem(400, "invalid", "kind (PAYMENT or SUPPLIER), partner, day (yyyy-MM-dd)");
    }
    if (partner.isBlank()) {
      return problem(400, "invalid", "partner");
    }
    try {
      long runId = reconciliations.start(kind, partner, day, request.getBoolean("rerun", false));
      return Response.status(201)
          .entity(Json.createObjectBuilder().add("runId", runId).build())
          .build();
    } catch (EJBException e) {
      if (e.getCausedByException() instanceof BusinessException refused) {
        return problem(409, refused.code(), refused.getMessage());
      }
      throw e;
    } catch (BusinessException refused) {
      return problem(409, refused.code(), refused.getMessage());
    }
  }

  @GET
  @Path("{id}")
  public Response run(@PathParam("id") long id) {
    if (!security.isUserInRole("ADMIN")) {
      return Response.status(403).build();
    }
    ReconciliationRun run;
    try {
      run = runs.find(id);
    } catch (RuntimeException e) {
      return Response.status(404).build();
    }
    JsonObjectBuilder answer =
        Json.createObjectBuilder()
            .add("runId", run.id())
            .add("kind", run.kind().name())
            .add("partner", run.partner())
            .add("day", run.day().toString())
            .add("state", run.state().name())
            .add("step", run.step().orElse(""))
            .add("items", run.items())
            .add("startedAt", run.startedAt().toString());
    run.endedAt().ifPresent(ended -> answer.add("endedAt", ended.toString()));
    run.failure().ifPresent(failure -> answer.add("failure", failure));
    return Response.ok(answer.build()).build();
  }

  private static Response problem(int status, String code, String detail) {
    return Response.status(status)
        .entity(Json.createObjectBuilder().add("code", code).add("detail", detail).build())
        .build();
  }
}
