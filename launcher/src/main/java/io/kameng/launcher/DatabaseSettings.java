package io.kameng.launcher;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where Kameng's data lives: the application database (migrated by Flyway) and, on the same server,
 * a second database for Payara's own tables (EJB timers, batch job repository), so that every
 * server instance shares them.
 *
 * @param host database server host
 * @param port database server port
 * @param database the application database; the runtime database is this name plus {@code _runtime}
 * @param user database user
 * @param password database password, empty for none
 */
public record DatabaseSettings(
    String host, int port, String database, String user, String password) {

  static final String URL = "KAMENG_DB_URL";
  static final String USER = "KAMENG_DB_USER";
  static final String PASSWORD = "KAMENG_DB_PASSWORD";
  static final String DEFAULT_DATABASE = "kameng";

  /**
   * For the embedded server on this port. It runs without grant tables (any user and password are
   * accepted, and it listens on 127.0.0.1 only); the password is there because Payara's pools
   * insist on one.
   */
  public static DatabaseSettings embedded(int port) {
    return new DatabaseSettings("127.0.0.1", port, DEFAULT_DATABASE, "root", "embedded");
  }

  /**
   * The configured database, from environment variables or the matching system properties ({@code
   * kameng.db.url}, {@code kameng.db.user}, {@code kameng.db.password}); empty when none is
   * configured and the embedded server is to be used.
   */
  public static Optional<DatabaseSettings> configured(Map<String, String> env) {
    String url = setting(env, URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
      throw new IllegalArgumentException(
          URL + " must look like jdbc:mariadb://host:3306/kameng, was: " + url);
    }
    URI uri = URI.create(url.substring("jdbc:".length()));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    String user = setting(env, USER);
    String password = setting(env, PASSWORD);
    return Optional.of(
        new DatabaseSettings(
            uri.getHost(),
            uri.getPort() < 0 ? 3306 : uri.getPort(),
            path.isEmpty() ? DEFAULT_DATABASE : path,
            user == null ? "kameng" : user,
            password == null ? "" : password));
  }

  private static String setting(Map<String, String> env, String name) {
    String property = System.getProperty(name.toLowerCase().replace('_', '.'));
    return property != null ? property : env.get(name);
  }

  public String runtimeDatabase() {
    return database + "_runtime";
  }

  public String serverUrl() {
    return "jdbc:mariadb://" + host + ":" + port + "/";
  }

  public String applicationUrl() {
    return serverUrl() + database + "?connectTimeout=3000";
  }

  /**
   * The runtime database reports itself as MySQL because Payara's batch runtime only recognises
   * that product name for its MySQL dialect.
   */
  public String runtimeUrl() {
    return serverUrl() + runtimeDatabase() + "?connectTimeout=3000&useMysqlMetadata=true";
  }
}
