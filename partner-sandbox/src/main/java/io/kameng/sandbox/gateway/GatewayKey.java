package io.kameng.sandbox.gateway;

import io.kameng.sandbox.signing.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's signing key ({@code -Dsandbox.gateway.private-key=<file>}): payment notices are
 * signed with it.
 */
@ApplicationScoped
public class GatewayKey extends SigningKey {

  public GatewayKey() {
    super("sandbox.gateway.private-key");
  }
}
