package io.kameng.storefront.problem;

import io.kameng.storefront.i18n.BuyerLanguage;
import io.kameng.storefront.order.RetryOnConflict;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API answers as a problem detail in the buyer's language, never as a server
 * error page: HTTP errors keep their status (unknown path 404, wrong method 405, wrong media type
 * 415, unreadable body 400); a change that lost a race with another is 409; anything unexpected is
 * a 500 with an incident id that is also in the server log, and no internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
  static final String HTTP_ERROR = "https://kameng.io/problems/http-error";
  static final String CONFLICT = "https://kameng.io/problems/conflict";
  static final String UNEXPECTED = "https://kameng.io/problems/unexpected";

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Throwable failure) {
    BuyerLanguage language = BuyerLanguage.of(headers);
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int code = web.getResponse().getStatus();
      String reason = web.getResponse().getStatusInfo().getReasonPhrase();
      return Problem.response(
          code,
          Problem.of(
              HTTP_ERROR,
              code,
              language.textOr("problem.http." + code + ".title", reason),
              language.textOr("problem.http." + code + ".detail", reason)));
    }
    if (RetryOnConflict.isLostRace(failure)) {
      return Problem.response(
          409,
          Problem.of(
              CONFLICT,
              409,
              language.text("problem.conflict.title"),
              language.text("problem.conflict.detail")));
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
    return Problem.response(
        500,
        Problem.of(
                UNEXPECTED,
                500,
                language.text("problem.unexpected.title"),
                language.text("problem.unexpected.detail", incident))
            .add("incident", incident));
  }
}
