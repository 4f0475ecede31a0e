package io.kameng.platform.control;

import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where partners reach the storefront when no buyer's request tells (work done in the background,
 * like asking a supplier for a recharge): {@code kameng.shop.public-url}, else {@code
 * kameng.shop.internal-url} (the launcher sets it to this server's own address).
 */
public final class ShopUrl {

  private ShopUrl() {}

  /** The storefront API's base, ending with {@code /api/v1/}. */
  public static URI api() {
    var config = ConfigProvider.getConfig();
    String shop =
        config
            .getOptionalValue("kameng.shop.public-url", String.class)
            .or(() -> config.getOptionalValue("kameng.shop.internal-url", String.class))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Set kameng.shop.public-url: partners need the storefront's address"));
    return URI.create(shop.endsWith("/") ? shop : shop + "/").resolve("api/v1/");
  }
}
