package io.kameng.identity.boundary;

import io.kameng.identity.entity.Account;
import io.kameng.identity.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The identity store Jakarta Security asks when someone signs in to a console: the accounts in
 * MariaDB, their roles as groups. A failed sign-in is logged with the username, never the password.
 */
@ApplicationScoped
public class KamengIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(KamengIdentityStore.class.getName());

  @Inject Credentials credentials;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String username = credential.getCaller();
    Optional<Account> account = credentials.verify(username, credential.getPasswordAsString());
    if (account.isEmpty()) {
      LOG.warning(() -> "Sign-in failed for username '" + printable(username) + "'");
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        account.get().username(),
        account.get().roles().stream().map(Role::name).collect(Collectors.toSet()));
  }

  /** Keeps a hostile username from forging log lines. */
  static String printable(String username) {
    if (username == null) {
      return "";
    }
    String cleaned = username.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
  }
}
