package io.kameng.supply.control;

import io.kameng.catalogue.entity.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The suppliers this server has: every adapter deployed with it ({@code sandbox}, {@code
 * sandbox-backup}), each by its name for product chains and for its callbacks; and the default
 * chain, the order an order tries them when its product names none: {@code
 * kameng.supplier.providers} (comma-separated; {@code sandbox} when not set).
 */
@ApplicationScoped
public class Suppliers {

  @Inject @Any Instance<SupplierGateway> adapters;

  /** The default chain: the suppliers an order tries, in order, when its product names none. */
  public List<SupplierGateway> chain() {
    return Arrays.stream(defaultChain()).map(this::byProvider).flatMap(Optional::stream).toList();
  }

  /** Every supplier this server has: the default chain's first, in its order, then the others. */
  public List<SupplierGateway> all() {
    List<SupplierGateway> all = new ArrayList<>(chain());
    adapters.stream()
        .filter(adapter -> all.stream().noneMatch(a -> a.provider().equals(adapter.provider())))
        .sorted(Comparator.comparing(SupplierGateway::provider))
        .forEach(all::add);
    return all;
  }

  /** The names of every supplier this server has (see {@link #all()}). */
  public List<String> names() {
    return all().stream().map(SupplierGateway::provider).toList();
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

  /** A supplier by its name, for product chains and its callbacks. */
  public Optional<SupplierGateway> byProvider(String provider) {
    return adapters.stream().filter(a -> a.provider().equals(provider)).findFirst();
  }

  private static String[] defaultChain() {
    return ConfigProvider.getConfig()
        .getOptionalValue("kameng.supplier.providers", String.class)
        .orElse(SandboxSupplier.PROVIDER)
        .split("\\s*,\\s*");
  }
}
