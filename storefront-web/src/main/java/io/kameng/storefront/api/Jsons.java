package io.kameng.storefront.api;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider, looked up once. {@code jakarta.json.Jsons.PROVIDER.create…} looks the provider
 * up through the class loaders on every call, which cost about a third of the server's time per
 * order in the benchmark.
 */
public final class Jsons {

  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}
}
