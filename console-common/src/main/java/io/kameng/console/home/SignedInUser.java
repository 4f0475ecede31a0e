package io.kameng.console.home;

import io.kameng.identity.boundary.Credentials;
import io.kameng.identity.entity.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is signed in, for the page header and the console home page. */
@Named
@RequestScoped
public class SignedInUser {

  @Inject Credentials credentials;

  private Account account;

  public Account getAccount() {
    if (account == null) {
      account = credentials.currentAccount();
    }
    return account;
  }
}
