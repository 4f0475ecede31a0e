package io.kameng.identity.entity;

import java.util.Set;

/**
 * What the consoles show about a signed-in person: no password hash, no database id.
 *
 * @param username the sign-in name
 * @param displayName the name shown on pages
 * @param roles what the person may do
 */
public record Account(String username, String displayName, Set<Role> roles) {

  public static Account of(UserAccount account) {
    return new Account(account.username(), account.displayName(), account.roles());
  }
}
