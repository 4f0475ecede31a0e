package io.kameng.order.control;

import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The time rules of ordering. The unpaid expiry is configurable ({@code
 * kameng.order.unpaid-expiry}, an ISO-8601 duration such as {@code PT15M}, as a system property or
 * environment variable {@code KAMENG_ORDER_UNPAID_EXPIRY}); the others are fixed by the API's
 * promises.
 */
public final class OrderSettings {

  /** How long an Idempotency-Key answers with the same order. */
  public static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(24);

  /** How long a repeated submission without a key finds the unpaid order it repeats. */
  public static final Duration REPEAT_WINDOW = Duration.ofSeconds(60);

  /** What the platform promises for its own checks once an order is paid. */
  public static final Duration VERIFICATION_TIME = Duration.ofMinutes(5);

  /**
   * What the platform promises for a refund: the gateway usually answers at once; retries back off
   * to hourly, and a refusal needs a person.
   */
  public static final Duration REFUND_TIME = Duration.ofHours(2);

  /** How long a supplier has for a recharge before the order escalates. */
  public static final Duration SUPPLIER_TIME = Duration.ofMinutes(30);

  /** How long a person at the platform has for an order in the exception pool. */
  public static final Duration EXCEPTION_POOL_TIME = Duration.ofHours(2);

  /** How long an order paid for an empty stock waits for a restock before it escalates. */
  public static final Duration RESTOCK_WAIT = Duration.ofHours(1);

  static final Duration DEFAULT_UNPAID_EXPIRY = Duration.ofMinutes(15);

  private OrderSettings() {}

  /** How long an order waits for its payment before it is cancelled. */
  public static Duration unpaidExpiry() {
    return ConfigProvider.getConfig()
        .getOptionalValue("kameng.order.unpaid-expiry", String.class)
        .map(Duration::parse)
        .filter(duration -> !duration.isNegative() && !duration.isZero())
        .orElse(DEFAULT_UNPAID_EXPIRY);
  }
}
