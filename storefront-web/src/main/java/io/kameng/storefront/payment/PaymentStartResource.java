package io.kameng.storefront.payment;

import io.kameng.payment.boundary.Payments;
import io.kameng.storefront.api.Jsons;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /shop/api/v1/orders/{orderNo}/payments}: sends the buyer of an unpaid order to the
 * gateway. Answers 201 with {@code payUrl}, the gateway's page; the gateway sends the buyer back to
 * {@code returnUrl} (query parameter; the storefront's order page when not given).
 */
@Path("orders/{orderNo}/payments")
public class PaymentStartResource {

  @Inject Payments payments;
  @Context UriInfo uri;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response start(
      @PathParam("orderNo") String orderNo,
      @HeaderParam("Order-Token") String tokenHeader,
      @QueryParam("token") String tokenQuery,
      @QueryParam("returnUrl") String returnUrl) {
    String token = tokenHeader != null ? tokenHeader : tokenQuery;
    URI payUrl =
        payments.startPayment(
            orderNo,
            token,
            notifyBase(uri),
            URI.create(returnUrl == null ? orderPage(uri, orderNo, token) : returnUrl));
    return Response.status(Response.Status.CREATED)
        .entity(Jsons.PROVIDER.createObjectBuilder().add("payUrl", payUrl.toString()).build())
        .build();
  }

  /** Where the gateway sends notices: this API's {@code payments/notify/}. */
  public static URI notifyBase(UriInfo uri) {
    return URI.create(uri.getBaseUri().toString() + "payments/notify/");
  }

  /** The storefront's page of this order. */
  private static String orderPage(UriInfo uri, String orderNo, String token) {
    return uri.getBaseUri().resolve("../../order/view.xhtml").toString()
        + "?no="
        + URLEncoder.encode(orderNo, StandardCharsets.UTF_8)
        + "&token="
        + URLEncoder.encode(String.valueOf(token), StandardCharsets.UTF_8);
  }
}
