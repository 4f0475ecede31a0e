package io.kameng.it;

import io.kameng.identity.entity.Role;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * Test-only servlet in the test WAR: creates the console accounts a client-side test signs in with,
 * so every test brings its own people.
 */
@WebServlet("/accounts")
public class TestAccounts extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TestFixtures fixtures;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws java.io.IOException {
    request.setCharacterEncoding("UTF-8");
    fixtures.register(
        request.getParameter("username"),
        request.getParameter("displayName"),
        request.getParameter("password"),
        Role.valueOf(request.getParameter("role")));
    response.setStatus(HttpServletResponse.SC_CREATED);
  }

  /** Creates an account through this servlet; returns its username. */
  public static String create(String prefix, Role role, String password) {
    String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
    FixtureClient.create(
        "accounts",
        Map.of(
            "username",
            username,
            "displayName",
            "测试 " + username,
            "password",
            password,
            "role",
            role.name()));
    return username;
  }
}
