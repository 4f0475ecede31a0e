package io.kameng.catalogue.control;

import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.Product;
import io.kameng.catalogue.entity.ProductSpec;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores and finds products inside the caller's transaction; no role checks (the boundaries do
 * them). A stateless bean for the same reason as {@code AccountRegistry}: the persistence unit is
 * resolved in this module.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ProductRegistry {

  /**
   * How long a product read for ordering is reused. Ordering reads the product on every order; a
   * price change or delisting made on another server reaches this one within this time (on this
   * server at once).
   */
  static final Duration ORDERING_SNAPSHOT = Duration.ofSeconds(5);

  private record Snapshot(Product product, Instant readAt) {}

  private static final Map<Long, Snapshot> FOR_ORDERING = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;

  /** The product as ordering sees it: read at most every few seconds, not changed through here. */
  public Optional<Product> forOrdering(long id) {
    Instant now = Instant.now();
    Snapshot snapshot = FOR_ORDERING.get(id);
    if (snapshot != null && snapshot.readAt().plus(ORDERING_SNAPSHOT).isAfter(now)) {
      return Optional.of(snapshot.product());
    }
    Optional<Product> product = byId(id);
    product.ifPresent(
        p -> {
          em.detach(p);
          FOR_ORDERING.put(id, new Snapshot(p, now));
        });
    return product;
  }

  /** Forgets the ordering snapshot of a product that changed here. */
  public void changed(long id) {
    FOR_ORDERING.remove(id);
  }

  public Product add(ProductSpec spec) {
    Product product = new Product(spec, Instant.now());
    em.persist(product);
    em.flush();
    return product;
  }

  public Optional<Product> byId(long id) {
    return Optional.ofNullable(em.find(Product.class, id));
  }

  /**
   * Locks the product's row until the transaction ends (waiting if another holds it): whoever
   * serves the product's queue of orders does it alone.
   */
  public void lockForDispatch(long id) {
    em.createNativeQuery("SELECT id FROM product WHERE id = ?1 FOR UPDATE")
        .setParameter(1, id)
        .getResultList();
  }

  /**
   * Marks a product sold out (off sale) or restocked (on sale again if listed). A conditional
   * update of that one flag, not a change of the entity: concurrent dispatchers and imports may all
   * find the stock empty or refilled, and the first one's change must not fail the others on the
   * product's version. Answers whether the flag changed.
   */
  public boolean markSoldOut(long id, boolean soldOut) {
    boolean changed =
        em.createNativeQuery("UPDATE product SET sold_out = ?1 WHERE id = ?2 AND sold_out <> ?1")
                .setParameter(1, soldOut)
                .setParameter(2, id)
                .executeUpdate()
            == 1;
    if (changed) {
      changed(id);
    }
    return changed;
  }

  /** The ids of every product (listed or not) fulfilled through {@code channel}. */
  public List<Long> idsOfChannel(FulfilmentChannel channel) {
    return em.createQuery("SELECT p.id FROM Product p WHERE p.channel = :channel", Long.class)
        .setParameter("channel", channel)
        .getResultList();
  }

  public List<Product> listed() {
    return em.createNamedQuery(Product.LISTED, Product.class).getResultList();
  }
}
