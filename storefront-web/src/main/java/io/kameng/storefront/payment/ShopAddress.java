package io.kameng.storefront.payment;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where buyers and partners reach the storefront: {@code kameng.shop.public-url} (for example
 * {@code https://shop.example.com/shop}) when the server sits behind a proxy, otherwise the address
 * the request came to. Notify and return URLs given to the gateway are built from it, and a return
 * URL from an API client must stay inside it (no redirecting buyers elsewhere through the gateway).
 */
public final class ShopAddress {

  private ShopAddress() {}

  /** The storefront's base, without a trailing slash. */
  public static String base(String fromRequest) {
    String configured =
        ConfigProvider.getConfig()
            .getOptionalValue("kameng.shop.public-url", String.class)
            .orElse(fromRequest);
    return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  /** Whether {@code url} points into the storefront. */
  public static boolean isInside(String url, String base) {
    return url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?");
  }
}
