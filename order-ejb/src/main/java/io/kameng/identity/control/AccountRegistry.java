package io.kameng.identity.control;

import io.kameng.identity.entity.Account;
import io.kameng.identity.entity.Role;
import io.kameng.identity.entity.UserAccount;
import io.kameng.identity.entity.UsernameTakenException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores and finds console accounts, inside the caller's transaction. Does no role checks: the
 * boundaries that call it do.
 *
 * <p>A stateless bean rather than a plain CDI bean, so that its entity manager is always resolved
 * in this module, where the persistence unit lives, whichever module's call created it. It joins
 * the caller's transaction and never starts one: boundaries own the transactions.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AccountRegistry {

  @PersistenceContext EntityManager em;

  @Inject PasswordHashing passwords;

  /**
   * Creates an account that can sign in at once.
   *
   * @throws UsernameTakenException if the username is in use
   */
  public Account register(String username, String displayName, String password, Set<Role> roles) {
    if (byUsername(username).isPresent()) {
      throw new UsernameTakenException(username);
    }
    UserAccount account =
        new UserAccount(username, displayName, passwords.hash(password), roles, Instant.now());
    em.persist(account);
    em.flush();
    return Account.of(account);
  }

  public Optional<UserAccount> byUsername(String username) {
    return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** The usernames of the enabled accounts with {@code role}, in order. */
  public List<String> withRole(Role role) {
    return em.createQuery(
            "SELECT a.username FROM UserAccount a JOIN a.roles r WHERE r = :role AND a.enabled = TRUE"
                + " ORDER BY a.username",
            String.class)
        .setParameter("role", role)
        .getResultList();
  }
}
