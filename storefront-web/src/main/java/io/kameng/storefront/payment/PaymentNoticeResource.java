package io.kameng.storefront.payment;

import io.kameng.payment.boundary.Payments;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /shop/api/v1/payments/notify/{provider}}: the gateway's asynchronous payment notice,
 * a signed form. Answered the way the gateway's protocol wants: {@code success} when taken (also a
 * repeated or mismatched notice, which changes nothing and is recorded for admins), {@code failure}
 * when the signature does not verify. Bodies over 8 KiB are refused unread.
 */
@Path("payments/notify/{provider}")
public class PaymentNoticeResource {

  static final int MAX_BODY_BYTES = 8 * 1024;

  @Inject Payments payments;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_PLAIN)
  public Response notice(@PathParam("provider") String provider, InputStream body)
      throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      return Response.status(413).entity("failure").build();
    }
    Map<String, String> parameters = form(new String(bytes, StandardCharsets.UTF_8));
    return Response.ok(payments.acceptNotice(provider, parameters) ? "success" : "failure").build();
  }

  /** The form's fields, first value of each; undecodable pairs are left out. */
  public static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      try {
        fields.putIfAbsent(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed %-escape: not a field the gateway sent
      }
    }
    return fields;
  }
}
