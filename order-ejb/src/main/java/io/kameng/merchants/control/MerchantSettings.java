package io.kameng.merchants.control;

import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import java.time.Duration;

/**
 * The merchant channel's deadlines: platform settings admins change at run time (see {@link
 * Setting}); a server's MicroProfile Config property (ISO-8601 duration) replaces the built-in
 * default.
 */
public final class MerchantSettings {

  /** {@code kameng.merchant.accept-time}: to accept an assigned or claimed order (30 minutes). */
  public static final String ACCEPT_TIME = "kameng.merchant.accept-time";

  private MerchantSettings() {}

  public static Duration acceptTime() {
    return LiveSettings.duration(Setting.MERCHANT_ACCEPT_MINUTES);
  }

  public static Duration fulfilTime() {
    return LiveSettings.duration(Setting.MERCHANT_FULFIL_MINUTES);
  }

  public static Duration poolTime() {
    return LiveSettings.duration(Setting.MERCHANT_POOL_MINUTES);
  }

  public static Duration buyerInputTime() {
    return LiveSettings.duration(Setting.BUYER_INPUT_MINUTES);
  }
}
