package io.kameng.identity.boundary;

import io.kameng.identity.control.AccountRegistry;
import io.kameng.identity.entity.Account;
import io.kameng.identity.entity.Role;
import io.kameng.identity.entity.UsernameTakenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Optional;
import java.util.Set;

/** Admins create and look up console accounts. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class UserAccounts {

  @Inject AccountRegistry registry;

  /**
   * Creates an account that can sign in at once.
   *
   * @throws UsernameTakenException if the username is in use
   */
  public Account register(
      @NotBlank String username,
      @NotBlank String displayName,
      @NotBlank String password,
      @NotEmpty Set<Role> roles) {
    return registry.register(username, displayName, password, roles);
  }

  public Optional<Account> find(@NotBlank String username) {
    return registry.byUsername(username).map(Account::of);
  }
}
