package io.kameng.stock.entity;

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
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One card key in stock: sealed (AES-GCM), with a keyed digest to find duplicates without opening
 * anything, and a masked form for everybody but the buyer. Issued to exactly one order.
 */
@Entity
@Table(name = "card_key")
@NamedQuery(
    name = CardKey.OF_ORDER,
    query = "SELECT k FROM CardKey k WHERE k.orderId = :orderId ORDER BY k.id")
@NamedQuery(
    name = CardKey.COUNT_AVAILABLE,
    query =
        "SELECT COUNT(k) FROM CardKey k WHERE k.productId = :productId AND k.state = :available")
@NamedQuery(
    name = CardKey.KNOWN_DIGESTS,
    query = "SELECT k.codeDigest FROM CardKey k WHERE k.codeDigest IN :digests")
public class CardKey {

  public static final String KNOWN_DIGESTS = "CardKey.knownDigests";

  public static final String OF_ORDER = "CardKey.ofOrder";
  public static final String COUNT_AVAILABLE = "CardKey.countAvailable";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "product_id", nullable = false, updatable = false)
  private Long productId;

  @Column(updatable = false, length = 64)
  private String owner;

  @Column(name = "code_sealed", nullable = false, updatable = false, length = 300)
  private byte[] codeSealed;

  @Column(name = "code_digest", nullable = false, updatable = false, length = 64)
  private String codeDigest;

  @Column(name = "code_masked", nullable = false, updatable = false, length = 24)
  private String codeMasked;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private CardKeyState state;

  @Column(name = "order_id")
  private Long orderId;

  @Column(name = "import_no", nullable = false, updatable = false, length = 40)
  private String importNo;

  @Column(name = "imported_at", nullable = false, updatable = false)
  private Instant importedAt;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Version private long version;

  protected CardKey() {}

  public CardKey(
      long productId,
      String owner,
      byte[] codeSealed,
      String codeDigest,
      String codeMasked,
      String importNo,
      Instant importedAt) {
    this.productId = productId;
    this.owner = owner;
    this.codeSealed = Objects.requireNonNull(codeSealed).clone();
    this.codeDigest = Objects.requireNonNull(codeDigest);
    this.codeMasked = Objects.requireNonNull(codeMasked);
    this.importNo = Objects.requireNonNull(importNo);
    this.importedAt = Objects.requireNonNull(importedAt);
    this.state = CardKeyState.AVAILABLE;
  }

  /** Masks a key for everybody but its buyer: the last four characters only. */
  public static String mask(String code) {
    String tail = code.length() <= 4 ? "" : code.substring(code.length() - 4);
    return "****" + tail;
  }

  public Long id() {
    return id;
  }

  public Long productId() {
    return productId;
  }

  /** The merchant whose stock this is; empty for the platform's own. */
  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  public byte[] codeSealed() {
    return codeSealed.clone();
  }

  public String codeMasked() {
    return codeMasked;
  }

  public CardKeyState state() {
    return state;
  }

  public Optional<Long> orderId() {
    return Optional.ofNullable(orderId);
  }

  public Optional<Instant> issuedAt() {
    return Optional.ofNullable(issuedAt);
  }
}
