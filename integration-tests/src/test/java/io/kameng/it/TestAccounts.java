package io.kameng.it;

import io.kameng.identity.entity.Role;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
    String form =
        "username="
            + username
            + "&displayName="
            + java.net.URLEncoder.encode("测试 " + username, java.nio.charset.StandardCharsets.UTF_8)
            + "&password="
            + password
            + "&role="
            + role.name();
    try {
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              KamengTestEnvironment.stack().server().httpUrl()
                                  + "/kameng-tests/accounts"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "Creating test account failed: " + response.statusCode() + " " + response.body());
      }
      return username;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
