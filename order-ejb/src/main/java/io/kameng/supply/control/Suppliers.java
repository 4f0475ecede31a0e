package io.kameng.supply.control;

import io.kameng.catalogue.entity.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The suppliers this server uses, in the order an order tries them: the adapters named in {@code
 * kameng.supplier.providers} (comma-separated; {@code sandbox} when not set).
 */
@ApplicationScoped
public class Suppliers {

  @Inject @Any Instance<SupplierGateway> adapters;

  /** The suppliers in the order they are tried. */
  public List<SupplierGateway> chain() {
    return Arrays.stream(enabled()).map(this::byProvider).flatMap(Optional::stream).toList();
  }

  /**
   * The suppliers a product's orders try, in order: the product's own chain (names this server does
   * not have are skipped), or the server's.
   */
  public List<SupplierGateway> chainFor(Product product) {
    return product
        .supplierChain()
        .map(names -> names.stream().map(this::byProvider).flatMap(Optional::stream).toList())
        .orElseGet(this::chain);
  }

  /** An enabled supplier by its name, for its callbacks. */
  public Optional<SupplierGateway> byProvider(String provider) {
    if (Arrays.stream(enabled()).noneMatch(name -> name.equals(provider))) {
      return Optional.empty();
    }
    return adapters.stream().filter(a -> a.provider().equals(provider)).findFirst();
  }

  private static String[] enabled() {
    return ConfigProvider.getConfig()
        .getOptionalValue("kameng.supplier.providers", String.class)
        .orElse(SandboxSupplier.PROVIDER)
        .split("\\s*,\\s*");
  }
}
