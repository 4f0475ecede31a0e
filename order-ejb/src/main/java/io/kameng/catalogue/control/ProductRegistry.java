package io.kameng.catalogue.control;

import io.kameng.catalogue.entity.Product;
import io.kameng.catalogue.entity.ProductSpec;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores and finds products inside the caller's transaction; no role checks (the boundaries do
 * them). A stateless bean for the same reason as {@code AccountRegistry}: the persistence unit is
 * resolved in this module.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ProductRegistry {

  @PersistenceContext EntityManager em;

  public Product add(ProductSpec spec) {
    Product product = new Product(spec, Instant.now());
    em.persist(product);
    em.flush();
    return product;
  }

  public Optional<Product> byId(long id) {
    return Optional.ofNullable(em.find(Product.class, id));
  }

  public List<Product> listed() {
    return em.createNamedQuery(Product.LISTED, Product.class).getResultList();
  }
}
