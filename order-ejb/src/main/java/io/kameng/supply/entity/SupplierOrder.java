package io.kameng.supply.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One recharge asked of one supplier for an order (an order may try several suppliers). */
@Entity
@Table(name = "supplier_order")
@NamedQuery(
    name = SupplierOrder.OF_ORDER,
    query = "SELECT s FROM SupplierOrder s WHERE s.orderId = :orderId ORDER BY s.id")
@NamedQuery(
    name = SupplierOrder.BY_REQUEST,
    query = "SELECT s FROM SupplierOrder s WHERE s.requestId = :requestId")
public class SupplierOrder {

  public static final String OF_ORDER = "SupplierOrder.ofOrder";
  public static final String BY_REQUEST = "SupplierOrder.byRequest";

  /** When a sent recharge without a result is queried, counted from sending; then hourly. */
  public static final List<Duration> QUERIES =
      List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, updatable = false)
  private Long orderId;

  @Column(nullable = false, updatable = false, length = 32)
  private String provider;

  @Column(name = "request_id", nullable = false, updatable = false, length = 48)
  private String requestId;

  @Column(nullable = false, updatable = false, length = 64)
  private String account;

  @Column(nullable = false, updatable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private SupplierOrderState state;

  @Column(name = "supplier_order_no", length = 64)
  private String supplierOrderNo;

  @Column(length = 200)
  private String detail;

  @Column(name = "next_query_at")
  private Instant nextQueryAt;

  @Column(nullable = false)
  private int queries;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private long version;

  protected SupplierOrder() {}

  /** The {@code number}-th recharge of an order, about to be asked of {@code provider}. */
  public SupplierOrder(
      long orderId,
      String orderNo,
      int number,
      String provider,
      String account,
      BigDecimal amount,
      Instant now) {
    this.orderId = orderId;
    this.requestId = orderNo + "S" + number;
    this.provider = Objects.requireNonNull(provider);
    this.account = Objects.requireNonNull(account);
    this.amount = Objects.requireNonNull(amount);
    this.state = SupplierOrderState.UNAVAILABLE;
    this.createdAt = now;
  }

  /** The supplier took the recharge: its result is awaited, queried if it does not come. */
  public void sent(String supplierOrderNo, Instant now) {
    this.supplierOrderNo = supplierOrderNo;
    this.state = SupplierOrderState.SENT;
    this.nextQueryAt = now.plus(QUERIES.get(0));
  }

  /** The supplier could not be asked. */
  public void unavailable(String why) {
    this.state = SupplierOrderState.UNAVAILABLE;
    this.detail = cut(why);
  }

  /** Asked, no result yet: the next query by the schedule. */
  public void queried(Instant now) {
    queries++;
    Duration wait = queries < QUERIES.size() ? QUERIES.get(queries) : Duration.ofHours(1);
    nextQueryAt = createdAt.plus(wait).isAfter(now) ? createdAt.plus(wait) : now.plus(wait);
  }

  /** The query could not be made: asked again soon. */
  public void queryFailed(Instant retryAt) {
    nextQueryAt = retryAt;
  }

  /** The supplier's verified result, applied once; answers whether it changed anything. */
  public boolean finish(boolean succeeded, String why, Instant now) {
    if (state == SupplierOrderState.SUCCEEDED || state == SupplierOrderState.FAILED) {
      return false;
    }
    state = succeeded ? SupplierOrderState.SUCCEEDED : SupplierOrderState.FAILED;
    detail = cut(why);
    finishedAt = now;
    nextQueryAt = null;
    return true;
  }

  private static String cut(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200);
  }

  public Long id() {
    return id;
  }

  public Long orderId() {
    return orderId;
  }

  public String provider() {
    return provider;
  }

  public String requestId() {
    return requestId;
  }

  public String account() {
    return account;
  }

  public BigDecimal amount() {
    return amount;
  }

  public SupplierOrderState state() {
    return state;
  }

  public Optional<String> supplierOrderNo() {
    return Optional.ofNullable(supplierOrderNo);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
