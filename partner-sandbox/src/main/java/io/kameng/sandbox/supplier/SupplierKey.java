package io.kameng.sandbox.supplier;

import io.kameng.sandbox.signing.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The supplier's signing key ({@code -Dsandbox.supplier.private-key=<file>}), a pair of its own:
 * recharge results are signed with it.
 */
@ApplicationScoped
public class SupplierKey extends SigningKey {

  public SupplierKey() {
    super("sandbox.supplier.private-key");
  }
}
