package io.kameng.it;

import io.kameng.identity.entity.Role;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Test-only sign-in of the test WAR (never part of Kameng): a request with the header {@value
 * #HEADER} is made by that merchant, with the role MERCHANT, so a test can call the merchant
 * boundaries as many different merchants at once without a password hash per request; likewise
 * {@value #STAFF_HEADER} {@code name:ROLE} for reviewers and admins. The boundaries then do their
 * own role and ownership checks exactly as for the portal and the console.
 */
@ApplicationScoped
@Alternative
@Priority(1000) // wins over the consoles' form sign-in, which the test WAR sees too
public class TestMerchantSignIn implements HttpAuthenticationMechanism {

  public static final String HEADER = "X-Test-Merchant";

  /** A staff member: {@code username:ROLE} (REVIEWER or ADMIN). */
  public static final String STAFF_HEADER = "X-Test-Staff";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String staff = request.getHeader(STAFF_HEADER);
    if (staff != null && staff.contains(":")) {
      return context.notifyContainerAboutLogin(
          staff.substring(0, staff.indexOf(':')),
          Set.of(Role.valueOf(staff.substring(staff.indexOf(':') + 1)).name()));
    }
    String merchant = request.getHeader(HEADER);
    if (merchant == null || merchant.isBlank()) {
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(merchant, Set.of(Role.MERCHANT.name()));
  }
}
