package io.kameng.storefront.problem;

import io.kameng.order.entity.IdempotencyKeyReusedException;
import io.kameng.order.entity.InvalidOrderException;
import io.kameng.order.entity.OrderNotFoundException;
import io.kameng.order.entity.OrderStateException;
import io.kameng.payment.control.GatewayUnavailableException;
import io.kameng.platform.entity.BusinessException;
import io.kameng.storefront.i18n.BuyerLanguage;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A business rule said no: the answer names which, in the buyer's language. Wrong input is 422 with
 * the fields; an unknown order (or a wrong token) 404; an action the order's state does not allow
 * 409; a reused Idempotency-Key 422; a payment gateway that cannot be reached 503.
 */
@Provider
public class BusinessProblemMapper implements ExceptionMapper<BusinessException> {

  static final String ORDER_NOT_FOUND = "https://kameng.io/problems/order-not-found";
  static final String ORDER_STATE = "https://kameng.io/problems/order-state";
  static final String KEY_REUSED = "https://kameng.io/problems/idempotency-key-reused";
  static final String GATEWAY_UNAVAILABLE = "https://kameng.io/problems/gateway-unavailable";
  static final String REFUSED = "https://kameng.io/problems/refused";

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(BusinessException refusal) {
    BuyerLanguage language = BuyerLanguage.of(headers);
    if (refusal instanceof InvalidOrderException invalid) {
      return FieldProblems.response(422, language, invalid.errors());
    }
    if (refusal instanceof OrderNotFoundException) {
      return problem(ORDER_NOT_FOUND, 404, language, "problem.order.notFound");
    }
    if (refusal instanceof OrderStateException) {
      return problem(ORDER_STATE, 409, language, "problem." + refusal.code());
    }
    if (refusal instanceof GatewayUnavailableException) {
      return Response.fromResponse(
              problem(GATEWAY_UNAVAILABLE, 503, language, "problem.payment.gatewayUnavailable"))
          .header("Retry-After", 30)
          .build();
    }
    if (refusal instanceof IdempotencyKeyReusedException) {
      return problem(KEY_REUSED, 422, language, "problem.order.idempotencyKeyReused");
    }
    return Problem.response(
        409,
        Problem.of(
                REFUSED,
                409,
                language.text("problem.refused.title"),
                language.textOr("error." + refusal.code(), refusal.code()))
            .add("code", refusal.code()));
  }

  private static Response problem(String type, int status, BuyerLanguage language, String key) {
    return Problem.response(
        status,
        Problem.of(type, status, language.text(key + ".title"), language.text(key + ".detail")));
  }
}
