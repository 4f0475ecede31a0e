package io.kameng.merchants.control;

import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The merchant channel's deadlines, from MicroProfile Config (ISO-8601 durations; a missing, zero,
 * negative or unreadable value means the default).
 */
public final class MerchantSettings {

  /** {@code kameng.merchant.accept-time}: to accept an assigned or claimed order (30 minutes). */
  public static final String ACCEPT_TIME = "kameng.merchant.accept-time";

  /** {@code kameng.merchant.fulfil-time}: to deliver an accepted order (1 hour). */
  public static final String FULFIL_TIME = "kameng.merchant.fulfil-time";

  /**
   * {@code kameng.merchant.pool-time}: for an order in the grab pool to be claimed (30 minutes).
   */
  public static final String POOL_TIME = "kameng.merchant.pool-time";

  /** {@code kameng.order.buyer-input-time}: for the buyer to correct their input (24 hours). */
  public static final String BUYER_INPUT_TIME = "kameng.order.buyer-input-time";

  private MerchantSettings() {}

  public static Duration acceptTime() {
    return duration(ACCEPT_TIME, Duration.ofMinutes(30));
  }

  public static Duration fulfilTime() {
    return duration(FULFIL_TIME, Duration.ofHours(1));
  }

  public static Duration poolTime() {
    return duration(POOL_TIME, Duration.ofMinutes(30));
  }

  public static Duration buyerInputTime() {
    return duration(BUYER_INPUT_TIME, Duration.ofHours(24));
  }

  static Duration duration(String property, Duration fallback) {
    try {
      return ConfigProvider.getConfig()
          .getOptionalValue(property, String.class)
          .map(Duration::parse)
          .filter(duration -> !duration.isNegative() && !duration.isZero())
          .orElse(fallback);
    } catch (java.time.format.DateTimeParseException e) {
      return fallback;
    }
  }
}
