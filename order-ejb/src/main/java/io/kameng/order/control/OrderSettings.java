package io.kameng.order.control;

import io.kameng.order.entity.LadderTimes;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import java.time.Duration;

/**
 * The time rules of ordering. The unpaid expiry and the ladder's times are platform settings admins
 * change at run time ({@link Setting}; the unpaid expiry's default can be set per server with
 * {@code kameng.order.unpaid-expiry}, an ISO-8601 duration such as {@code PT15M}); the others are
 * fixed by the API's promises.
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

  private OrderSettings() {}

  /** How long an order waits for its payment before it is cancelled. */
  public static Duration unpaidExpiry() {
    return LiveSettings.duration(Setting.UNPAID_EXPIRY_MINUTES);
  }

  /** When the ladder's steps come (platform settings). */
  public static LadderTimes ladder() {
    return new LadderTimes(
        LiveSettings.duration(Setting.DELAY_NOTICE_MINUTES),
        LiveSettings.duration(Setting.EXCEPTION_POOL_MINUTES),
        LiveSettings.duration(Setting.AUTO_REFUND_MINUTES));
  }
}
