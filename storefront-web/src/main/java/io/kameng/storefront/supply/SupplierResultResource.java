package io.kameng.storefront.supply;

import io.kameng.storefront.payment.PaymentNoticeResource;
import io.kameng.supply.boundary.SupplierResults;
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
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /shop/api/v1/suppliers/notify/{provider}}: a supplier's signed recharge result.
 * Answered {@code success} when taken (also a repeat, which changes nothing), {@code failure} when
 * it does not verify or names no recharge of ours. Bodies over 8 KiB are refused unread.
 */
@Path("suppliers/notify/{provider}")
public class SupplierResultResource {

  static final int MAX_BODY_BYTES = 8 * 1024;

  @Inject SupplierResults results;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_PLAIN)
  public Response result(@PathParam("provider") String provider, InputStream body)
      throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      return Response.status(413).entity("failure").build();
    }
    return Response.ok(
            results.accept(
                    provider, PaymentNoticeResource.form(new String(bytes, StandardCharsets.UTF_8)))
                ? "success"
                : "failure")
        .build();
  }
}
