package io.kameng.console.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;

/** Backs {@code login.xhtml}: checks the credentials and says clearly when they are wrong. */
@Named
@RequestScoped
public class LoginPage {

  @Inject SecurityContext security;

  @Inject FacesContext faces;

  @NotBlank private String username;

  @NotBlank private String password;

  /** A signed-in visitor of the sign-in page goes straight to the console. */
  public void redirectIfSignedIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    if (external.getUserPrincipal() != null) {
      external.redirect(external.getRequestContextPath() + "/");
    }
  }

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password))
                .newAuthentication(true));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> external.redirect(external.getRequestContextPath() + "/");
      default -> signInFailed(external);
    }
  }

  /**
   * A failed attempt keeps no session at all, and the page says why after a redirect, so a reload
   * does not post the password again.
   */
  private void signInFailed(ExternalContext external) throws IOException {
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?failed=true");
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
