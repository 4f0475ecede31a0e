package io.kameng.catalogue.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something buyers can order. Its type names the input it needs from the buyer; a top-up is for one
 * carrier's numbers, a game recharge offers its own list of servers. A delisted product stays
 * visible by id (orders refer to it) but cannot be ordered.
 */
@Entity
@Table(name = "product")
@NamedQuery(
    name = Product.LISTED,
    query = "SELECT p FROM Product p WHERE p.listed = TRUE AND p.soldOut = FALSE ORDER BY p.id")
public class Product {

  public static final String LISTED = "Product.listed";
  public static final int NAME_MAX = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name_zh", nullable = false, length = NAME_MAX)
  private String nameZh;

  @Column(name = "name_en", nullable = false, length = NAME_MAX)
  private String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ProductType type;

  @Column(name = "face_value", nullable = false, precision = 19, scale = 2)
  private BigDecimal faceValue;

  @Column(nullable = false, precision = 19, scale = 2)
  private BigDecimal price;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private FulfilmentChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Carrier carrier;

  @Column(name = "designated_merchant", length = 64)
  private String designatedMerchant;

  @Column(name = "min_quantity", nullable = false)
  private int minQuantity;

  @Column(name = "max_quantity", nullable = false)
  private int maxQuantity;

  @Column(nullable = false)
  private boolean listed;

  /** Set by the stock (see {@code ProductRegistry.markSoldOut}), never through the entity. */
  @Column(name = "sold_out", nullable = false, insertable = false, updatable = false)
  private boolean soldOut;

  @Column(name = "partial_delivery", nullable = false)
  private boolean partialDelivery;

  /** The longest supplier chain, comma-separated (its column's length). */
  public static final int SUPPLIER_CHAIN_MAX = 200;

  /** The suppliers to try, comma-separated, in order; null means the server's chain. */
  @Column(name = "supplier_chain", length = 200)
  private String supplierChain;

  @Column(name = "merchant_fallback", nullable = false)
  private boolean merchantFallback;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "product_server", joinColumns = @JoinColumn(name = "product_id"))
  @OrderColumn(name = "position")
  @Column(name = "name", nullable = false, length = 64)
  private List<String> servers = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Product() {}

  public Product(ProductSpec spec, Instant now) {
    Objects.requireNonNull(spec, "Product specification is required.");
    this.nameZh = spec.nameZh();
    this.nameEn = spec.nameEn();
    this.type = spec.type();
    this.faceValue = spec.faceValue();
    this.price = spec.price();
    this.channel = spec.channel();
    this.carrier = spec.carrier();
    this.designatedMerchant = spec.designatedMerchant();
    this.minQuantity = spec.minQuantity();
    this.maxQuantity = spec.maxQuantity();
    this.servers = new ArrayList<>(spec.servers());
    this.listed = true;
    this.createdAt = Objects.requireNonNull(now, "Creation time is required.");
  }

  /** Takes the product off the storefront; existing orders keep it. */
  public void delist() {
    listed = false;
  }

  /** Puts the product back on the storefront. */
  public void relist() {
    listed = true;
  }

  /** Whether buyers can order it now: listed, and not sold out. */
  public boolean isOnSale() {
    return listed && !soldOut;
  }

  public boolean isSoldOut() {
    return soldOut;
  }

  /**
   * Whether an order for more than there is gets what there is and the rest of its money back
   * (otherwise it waits for all of it).
   */
  public boolean isPartialDelivery() {
    return partialDelivery;
  }

  public void partialDelivery(boolean allowed) {
    partialDelivery = allowed;
  }

  /**
   * For the supplier channel: the suppliers its orders try, in order; empty means the server's
   * chain ({@code kameng.supplier.providers}).
   */
  public Optional<List<String>> supplierChain() {
    return Optional.ofNullable(supplierChain).map(chain -> List.of(chain.split(",")));
  }

  /**
   * For the supplier channel: whether an order no supplier could take goes to the merchants' grab
   * pool before the platform's exception pool.
   */
  public boolean hasMerchantFallback() {
    return merchantFallback;
  }

  /**
   * Where orders go when a supplier cannot take them: these suppliers in this order (empty: the
   * server's chain), then the merchant pool if {@code merchantFallback}, then the exception pool.
   */
  public void routeSupplyFailures(List<String> chain, boolean merchantFallback) {
    if (channel != FulfilmentChannel.SUPPLIER) {
      throw new CatalogueException(
          "catalogue.notSupplierProduct", "Only a supplier product has a supplier chain.");
    }
    List<String> names = chain.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    String joined = String.join(",", names);
    if (joined.length() > SUPPLIER_CHAIN_MAX) {
      throw new CatalogueException(
          "catalogue.chainTooLong", "The supplier chain has at most 200 characters.");
    }
    supplierChain = names.isEmpty() ? null : joined;
    this.merchantFallback = merchantFallback;
  }

  /** What the buyer input rules need to know of this product. */
  public InputRequirements requirements() {
    return new InputRequirements(type, carrier, servers);
  }

  public Long id() {
    return id;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public ProductType type() {
    return type;
  }

  public BigDecimal faceValue() {
    return faceValue;
  }

  public BigDecimal price() {
    return price;
  }

  public FulfilmentChannel channel() {
    return channel;
  }

  public Optional<Carrier> carrier() {
    return Optional.ofNullable(carrier);
  }

  /**
   * The merchant behind the product: for the merchant channel the one who gets its orders (empty:
   * the grab pool); for card keys the stock owner (see {@link #stockOwner()}).
   */
  public Optional<String> designatedMerchant() {
    return Optional.ofNullable(designatedMerchant);
  }

  /** For card keys: the merchant whose stock the product sells; empty for the platform's own. */
  public Optional<String> stockOwner() {
    return channel == FulfilmentChannel.CARD_KEY ? designatedMerchant() : Optional.empty();
  }

  public int minQuantity() {
    return minQuantity;
  }

  public int maxQuantity() {
    return maxQuantity;
  }

  public boolean isListed() {
    return listed;
  }

  public List<String> servers() {
    return List.copyOf(servers);
  }
}
