package io.kameng.storefront.problem;

import io.kameng.storefront.api.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error answer as RFC 9457 problem details ({@code application/problem+json}): a type, a title
 * and a detail in the buyer's language, and the status.
 */
public final class Problem {

  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  private Problem() {}

  public static JsonObjectBuilder of(String type, int status, String title, String detail) {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("type", type)
        .add("title", title)
        .add("status", status)
        .add("detail", detail);
  }

  public static JsonObjectBuilder of(
      String type, Response.Status status, String title, String detail) {
    return of(type, status.getStatusCode(), title, detail);
  }

  public static Response response(int status, JsonObjectBuilder problem) {
    return Response.status(status).type(MEDIA_TYPE).entity(problem.build()).build();
  }

  public static Response response(Response.Status status, JsonObjectBuilder problem) {
    return response(status.getStatusCode(), problem);
  }
}
