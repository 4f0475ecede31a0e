package io.kameng.identity.boundary;

import io.kameng.identity.control.AccountRegistry;
import io.kameng.identity.control.PasswordHashing;
import io.kameng.identity.entity.Account;
import io.kameng.identity.entity.Role;
import io.kameng.identity.entity.UserAccount;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks a username and password at sign-in, and tells a signed-in person who they are. */
@Stateless
public class Credentials {

  @Inject AccountRegistry registry;

  @Inject PasswordHashing passwords;

  @Resource SessionContext session;

  /** The account if the password is right and the account enabled; empty otherwise. */
  @PermitAll
  public Optional<Account> verify(String username, String password) {
    Optional<UserAccount> account =
        username == null ? Optional.empty() : registry.byUsername(username);
    if (account.isEmpty()) {
      passwords.rejectUnknownUser(password);
      return Optional.empty();
    }
    UserAccount found = account.get();
    if (!passwords.matches(password, found.passwordHash()) || !found.isEnabled()) {
      return Optional.empty();
    }
    return Optional.of(Account.of(found));
  }

  /** The signed-in caller's own account. */
  @RolesAllowed({Role.Names.ADMIN, Role.Names.MERCHANT, Role.Names.REVIEWER})
  public Account currentAccount() {
    String username = session.getCallerPrincipal().getName();
    return registry
        .byUsername(username)
        .map(Account::of)
        .orElseThrow(() -> new IllegalStateException("No account for signed-in " + username));
  }
}
