package io.kameng.storefront.order;

import io.kameng.catalogue.entity.FieldError;
import io.kameng.merchants.boundary.MerchantDeliveries;
import io.kameng.order.boundary.Orders;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderRequest;
import io.kameng.order.entity.Submission;
import io.kameng.payment.boundary.Payments;
import io.kameng.stock.boundary.CardKeyDelivery;
import io.kameng.storefront.api.Jsons;
import io.kameng.storefront.i18n.BuyerLanguage;
import io.kameng.storefront.order.OrderRequestReader.Unreadable;
import io.kameng.storefront.problem.FieldProblems;
import io.kameng.storefront.problem.Problem;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /shop/api/v1/orders}: place an order, follow it, cancel it before paying, correct the
 * recipient. A guest proves an order is theirs with its access token, in the {@code Order-Token}
 * header or the {@code token} query parameter.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

  static final String TOKEN_HEADER = "Order-Token";
  static final String BODY = "https://kameng.io/problems/unreadable-body";

  @Inject Orders orders;
  @Inject Payments payments;
  @Inject CardKeyDelivery delivery;
  @Inject MerchantDeliveries merchantDeliveries;
  @Inject io.kameng.escalation.boundary.Vouchers vouchers;

  @Context HttpHeaders headers;
  @Context HttpServletRequest http;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(InputStream body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    BuyerLanguage language = BuyerLanguage.of(headers);
    OrderRequest request;
    try {
      request = OrderRequestReader.read(body);
    } catch (Unreadable unreadable) {
      return unreadable(unreadable, language);
    }
    Submission submission =
        RetryOnConflict.call(() -> orders.submit(request, idempotencyKey, http.getRemoteAddr()));
    Order order = submission.order();
    JsonObjectBuilder json = OrderJson.of(order, new BuyerWords(language));
    submission.accessToken().ifPresent(token -> json.add("accessToken", token));
    Response.ResponseBuilder answer =
        switch (submission.outcome()) {
          case CREATED -> Response.status(Response.Status.CREATED);
          case REPLAYED ->
              Response.status(Response.Status.CREATED).header("Idempotent-Replayed", true);
          case REPEATED -> {
            json.add("notice", language.text("order.repeated.notice"));
            yield Response.ok();
          }
        };
    return answer
        .location(uri.getAbsolutePathBuilder().path(order.orderNo()).build())
        .entity(json.build())
        .build();
  }

  @GET
  @Path("{orderNo}")
  public JsonObject follow(
      @PathParam("orderNo") String orderNo,
      @HeaderParam(TOKEN_HEADER) String tokenHeader,
      @QueryParam("token") String tokenQuery) {
    String token = token(tokenHeader, tokenQuery);
    Order order = orders.find(orderNo, token);
    BuyerWords words = new BuyerWords(BuyerLanguage.of(headers));
    return OrderJson.of(order, words)
        .add("refunds", OrderJson.refunds(payments.refundsOf(orderNo, token), words))
        .add("cardKeys", Jsons.PROVIDER.createArrayBuilder(delivery.keysOf(orderNo, token)))
        .add("notices", OrderJson.notices(order, words))
        .add("voucher", OrderJson.voucher(vouchers.voucherOf(orderNo, token)))
        .add(
            "delivery",
            merchantDeliveries
                .deliveryOf(orderNo, token)
                .map(text -> (jakarta.json.JsonValue) Jsons.PROVIDER.createValue(text))
                .orElse(jakarta.json.JsonValue.NULL))
        .build();
  }

  @POST
  @Path("{orderNo}/cancellation")
  public JsonObject cancel(
      @PathParam("orderNo") String orderNo,
      @HeaderParam(TOKEN_HEADER) String tokenHeader,
      @QueryParam("token") String tokenQuery) {
    Order order =
        RetryOnConflict.call(() -> orders.cancel(orderNo, token(tokenHeader, tokenQuery)));
    return OrderJson.of(order, new BuyerWords(BuyerLanguage.of(headers))).build();
  }

  /** Body: {@code {"input": {"field": "value", ...}}}, all the product's fields. */
  @PUT
  @Path("{orderNo}/input")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response correctInput(
      @PathParam("orderNo") String orderNo,
      @HeaderParam(TOKEN_HEADER) String tokenHeader,
      @QueryParam("token") String tokenQuery,
      InputStream body) {
    BuyerLanguage language = BuyerLanguage.of(headers);
    Map<String, String> input;
    try {
      JsonObject json = OrderRequestReader.readObject(body);
      List<FieldError> errors = new ArrayList<>();
      input = OrderRequestReader.readInput(json.get("input"), errors);
      if (!errors.isEmpty()) {
        return FieldProblems.response(400, language, errors);
      }
    } catch (Unreadable unreadable) {
      return unreadable(unreadable, language);
    }
    Order order =
        RetryOnConflict.call(
            () -> orders.correctInput(orderNo, token(tokenHeader, tokenQuery), input));
    return Response.ok(OrderJson.of(order, new BuyerWords(language)).build()).build();
  }

  private static String token(String header, String query) {
    return header != null ? header : query;
  }

  private static Response unreadable(Unreadable unreadable, BuyerLanguage language) {
    return switch (unreadable.kind) {
      case WRONG_TYPES -> FieldProblems.response(400, language, unreadable.errors);
      case TOO_LARGE ->
          Problem.response(
              413,
              Problem.of(
                  BODY,
                  413,
                  language.text("problem.body.tooLarge.title"),
                  language.text(
                      "problem.body.tooLarge.detail", OrderRequestReader.MAX_BODY_BYTES / 1024)));
      case NOT_JSON ->
          Problem.response(
              400,
              Problem.of(
                  BODY,
                  400,
                  language.text("problem.body.notJson.title"),
                  language.text("problem.body.notJson.detail")));
    };
  }
}
