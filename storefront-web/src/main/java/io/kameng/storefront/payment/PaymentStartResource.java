package io.kameng.storefront.payment;

import io.kameng.catalogue.entity.FieldError;
import io.kameng.payment.boundary.Payments;
import io.kameng.storefront.api.Jsons;
import io.kameng.storefront.i18n.BuyerLanguage;
import io.kameng.storefront.problem.FieldProblems;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /shop/api/v1/orders/{orderNo}/payments}: sends the buyer of an unpaid order to the
 * gateway. Answers 201 with {@code payUrl}, the gateway's page; the gateway sends the buyer back to
 * {@code returnUrl} (query parameter, inside the storefront; its order page when not given).
 */
@Path("orders/{orderNo}/payments")
public class PaymentStartResource {

  @Inject Payments payments;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response start(
      @PathParam("orderNo") String orderNo,
      @HeaderParam("Order-Token") String tokenHeader,
      @QueryParam("token") String tokenQuery,
      @QueryParam("returnUrl") String returnUrl) {
    String token = tokenHeader != null ? tokenHeader : tokenQuery;
    String shop = ShopAddress.base(uri.getBaseUri().resolve("../..").toString());
    if (returnUrl != null && !ShopAddress.isInside(returnUrl, shop)) {
      return FieldProblems.response(
          400,
          BuyerLanguage.of(headers),
          List.of(new FieldError("returnUrl", FieldError.MALFORMED)));
    }
    URI payUrl =
        payments.startPayment(
            orderNo,
            token,
            URI.create(shop + "/api/v1/payments/notify/"),
            URI.create(returnUrl == null ? orderPage(shop, orderNo, token) : returnUrl));
    return Response.status(Response.Status.CREATED)
        .entity(Jsons.PROVIDER.createObjectBuilder().add("payUrl", payUrl.toString()).build())
        .build();
  }

  /** The storefront's page of this order. */
  private static String orderPage(String shop, String orderNo, String token) {
    return shop
        + "/order/view.xhtml"
        + "?no="
        + URLEncoder.encode(orderNo, StandardCharsets.UTF_8)
        + "&token="
        + URLEncoder.encode(String.valueOf(token), StandardCharsets.UTF_8);
  }
}
