package io.kameng.supply.control;

import io.kameng.supply.entity.RechargeAnswer;
import io.kameng.supply.entity.RechargeResult;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** An upstream supplier as the platform uses it; the sandbox is one adapter. */
public interface SupplierGateway {

  /** The name in {@code kameng.supplier.providers} and in the callback URL. */
  String provider();

  /**
   * Asks for a recharge under {@code requestId} (asking again with it never recharges twice);
   * answers whether the supplier took it. Adapters wrap it in fault tolerance with {@link
   * RechargeNotTaken} as the fallback, so a supplier that cannot be asked is an answer, not an
   * exception.
   */
  RechargeAnswer recharge(
      String requestId, String account, BigDecimal amount, String product, URI callbackUrl);

  /** The recharge's result, or empty while the supplier is still at it (or does not know it). */
  Optional<RechargeResult> query(String requestId);

  /** A callback's result when its signature verifies and it is complete; else empty. */
  Optional<RechargeResult> verify(Map<String, String> parameters);
}
