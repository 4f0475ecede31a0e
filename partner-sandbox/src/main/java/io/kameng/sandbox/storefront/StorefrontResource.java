package io.kameng.sandbox.storefront;

import io.kameng.sandbox.gateway.GatewayClock;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * The sandbox storefront: the merchant's shop the platform tells about its orders (delayed,
 * refunded, failed, …) through signed webhook notices, over HTTP like a real one:
 *
 * <ul>
 *   <li>{@code POST /sandbox/api/storefront/notices} takes a notice (a JSON body, kept as sent,
 *       with the {@code X-Kameng-Notice-Id} and {@code X-Kameng-Signature: sha256=<hex>} headers)
 *       and answers 204, or the armed fault's status when a fault refuses it;
 *   <li>{@code GET /sandbox/api/storefront/notices?orderNo=…} answers every delivery received,
 *       taken or refused, oldest first (for one order when asked);
 *   <li>{@code DELETE /sandbox/api/storefront/notices} forgets them;
 *   <li>{@code POST/GET/DELETE /sandbox/api/storefront/faults} arms, shows or disarms a fault that
 *       refuses the next deliveries, so the platform's retries can be seen.
 * </ul>
 *
 * <p>The storefront does not check the signature (it does not hold the merchant's secret): it keeps
 * it for the test to check.
 */
@Path("storefront")
public class StorefrontResource {

  @Inject StorefrontNotices notices;
  @Inject GatewayClock clock;

  @POST
  @Path("notices")
  public Response receive(
      byte[] raw,
      @HeaderParam("X-Kameng-Notice-Id") String noticeIdHeader,
      @HeaderParam("X-Kameng-Signature") String signature) {
    String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    JsonObject notice = parse(body);
    Long noticeId = number(notice.get("noticeId"));
    if (noticeId == null && noticeIdHeader != null) {
      noticeId = number(Json.createValue(noticeIdHeader.strip()));
    }
    OptionalInt refusal = notices.refusal();
    int status = refusal.orElse(204);
    notices.record(
        new ReceivedNotice(
            clock.now(),
            noticeId,
            text(notice.get("orderNo")),
            text(notice.get("kind")),
            signature,
            body,
            refusal.isEmpty(),
            status));
    return refusal.isEmpty()
        ? Response.noContent().build()
        : Response.status(status)
            .type(MediaType.TEXT_PLAIN)
            .entity("Refused by an injected storefront fault")
            .build();
  }

  @GET
  @Path("notices")
  @Produces(MediaType.APPLICATION_JSON)
  public Response received(@QueryParam("orderNo") String orderNo) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (ReceivedNotice notice :
        notices.all(orderNo == null || orderNo.isBlank() ? null : orderNo)) {
      JsonObjectBuilder json =
          Json.createObjectBuilder().add("receivedAt", notice.receivedAt().toString());
      if (notice.noticeId() == null) {
        json.addNull("noticeId");
      } else {
        json.add("noticeId", notice.noticeId());
      }
      addText(json, "orderNo", notice.orderNo());
      addText(json, "kind", notice.kind());
      addText(json, "signature", notice.signature());
      list.add(
          json.add("body", notice.body())
              .add("taken", notice.taken())
              .add("status", notice.status()));
    }
    return Response.ok(list.build()).build();
  }

  @DELETE
  @Path("notices")
  public Response forget() {
    notices.forget();
    return Response.noContent().build();
  }

  /**
   * Body: {@code {"failNext": n, "status": 503}}: the next n notices are refused with that status
   * (400 to 599, 503 when left out); {@code {"failNext": 0}} disarms.
   */
  @POST
  @Path("faults")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response arm(JsonObject fault) {
    int count = fault.getInt("failNext", -1);
    int status = fault.getInt("status", StorefrontNotices.REFUSAL);
    if (count < 0) {
      return Response.status(400)
          .type(MediaType.TEXT_PLAIN)
          .entity("failNext: how many notices to refuse, 0 or more")
          .build();
    }
    if (status < 400 || status > 599) {
      return Response.status(400)
          .type(MediaType.TEXT_PLAIN)
          .entity("status: an HTTP error status, 400 to 599")
          .build();
    }
    notices.arm(count, status);
    return Response.noContent().build();
  }

  /** The armed fault: {@code {"armed": true, "failNext": n, "status": 503}}. */
  @GET
  @Path("faults")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject armed() {
    StorefrontNotices.Armed armed = notices.armed();
    return Json.createObjectBuilder()
        .add("armed", armed.failNext() > 0)
        .add("failNext", armed.failNext())
        .add("status", armed.status())
        .build();
  }

  @DELETE
  @Path("faults")
  public Response disarm() {
    notices.arm(0, StorefrontNotices.REFUSAL);
    return Response.noContent().build();
  }

  /** The body as a JSON object; an empty one if it is not one (the body is kept as sent anyway). */
  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    } catch (JsonException | IllegalStateException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  /** A whole number, given as a JSON number or as digits in a string; otherwise null. */
  private static Long number(JsonValue value) {
    try {
      if (value instanceof JsonNumber number) {
        return number.longValueExact();
      }
      if (value instanceof JsonString string) {
        return Long.valueOf(string.getString().strip());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  /** A string or number as text; otherwise (absent, null, an object) null. */
  private static String text(JsonValue value) {
    if (value instanceof JsonString string) {
      return string.getString();
    }
    return value instanceof JsonNumber number ? number.toString() : null;
  }

  private static void addText(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
