package io.kameng.partner.control;

import io.kameng.partner.entity.PartnerStatus;
import io.kameng.partner.entity.PartnerStatus.State;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Asks a partner's health endpoint whether it is up. The fault-tolerance {@link Timeout} cuts a
 * slow answer off, and the {@link Fallback} turns any failure into {@link State#UNREACHABLE}, so
 * the admin page that shows partner status never hangs.
 */
@ApplicationScoped
public class PartnerProbe {

  static final long TIMEOUT_MILLIS = 2_000;

  /** Only if fault tolerance were not applied: the call still ends, just far too late. */
  private static final Duration LAST_RESORT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();

  @Timeout(TIMEOUT_MILLIS)
  @Fallback(PartnerUnreachable.class)
  public PartnerStatus probe(URI healthEndpoint) throws IOException, InterruptedException {
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(healthEndpoint).timeout(LAST_RESORT).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    State state = response.statusCode() == 200 ? State.UP : State.DOWN;
    return new PartnerStatus(state, "HTTP " + response.statusCode());
  }
}
