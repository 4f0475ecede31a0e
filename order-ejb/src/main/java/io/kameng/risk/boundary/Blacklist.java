package io.kameng.risk.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.risk.entity.BlacklistEntry;
import io.kameng.risk.entity.BlacklistKind;
import io.kameng.risk.entity.RiskException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The blacklist admins keep: a paid order naming a listed IP, contact, phone or game account is
 * blocked.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class Blacklist {

  @PersistenceContext EntityManager em;
  @Inject PlatformClock clock;
  @Resource SessionContext caller;

  public List<BlacklistEntry> entries() {
    return em.createQuery(
            "SELECT b FROM BlacklistEntry b ORDER BY b.addedAt DESC, b.id DESC",
            BlacklistEntry.class)
        .setMaxResults(1000)
        .getResultList();
  }

  /** Lists a value with a reason; refused when empty, too long, or listed already. */
  public BlacklistEntry add(@NotNull BlacklistKind kind, String value, String reason) {
    String normalised = BlacklistEntry.normalise(value);
    if (normalised.isEmpty() || normalised.length() > 254) {
      throw new RiskException("blacklist.valueInvalid", "A value of 1 to 254 characters");
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw new RiskException("blacklist.reasonRequired", "A reason of 1 to 500 characters");
    }
    boolean listed =
        !em.createQuery(
                "SELECT b.id FROM BlacklistEntry b WHERE b.kind = :kind AND b.value = :value",
                Long.class)
            .setParameter("kind", kind)
            .setParameter("value", normalised)
            .getResultList()
            .isEmpty();
    if (listed) {
      throw new RiskException("blacklist.listed", kind + " " + normalised + " is listed already");
    }
    BlacklistEntry entry =
        new BlacklistEntry(
            kind, normalised, reason.strip(), caller.getCallerPrincipal().getName(), clock.now());
    em.persist(entry);
    return entry;
  }

  public void remove(long id) {
    BlacklistEntry entry = em.find(BlacklistEntry.class, id);
    if (entry != null) {
      em.remove(entry);
    }
  }
}
