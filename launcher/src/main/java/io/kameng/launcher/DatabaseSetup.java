package io.kameng.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Creates Kameng's two databases if missing, and in the runtime database the tables of Payara's
 * batch job repository from the MySQL script Payara ships (the EJB timer service creates its table
 * itself). The application tables are Flyway's job at deployment, not this class's.
 */
final class DatabaseSetup {

  private static final Logger LOG = Logger.getLogger(DatabaseSetup.class.getName());

  private DatabaseSetup() {}

  static void prepare(DatabaseSettings db, Path payaraScripts) throws IOException {
    Properties credentials = new Properties();
    credentials.setProperty("user", db.user());
    credentials.setProperty("password", db.password());
    try (Connection server = DriverManager.getConnection(db.serverUrl(), credentials);
        Statement sql = server.createStatement()) {
      for (String database : new String[] {db.database(), db.runtimeDatabase()}) {
        sql.execute(
            "CREATE DATABASE IF NOT EXISTS `"
                + database
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      sql.execute("USE `" + db.runtimeDatabase() + "`");
      runScript(sql, payaraScripts.resolve("jsr352-mysql.sql"));
    } catch (SQLException e) {
      throw new IOException(
          "Cannot prepare the database at " + db.serverUrl() + ": " + e.getMessage(), e);
    }
    LOG.info(() -> "Databases " + db.database() + " and " + db.runtimeDatabase() + " ready");
  }

  private static void runScript(Statement sql, Path script) throws IOException, SQLException {
    for (String statement : Files.readString(script).split(";")) {
      String trimmed = statement.trim();
      if (!trimmed.isEmpty()) {
        sql.execute(
            trimmed.replaceFirst(
                "(?i)^CREATE TABLE (?!IF NOT EXISTS)", "CREATE TABLE IF NOT EXISTS "));
      }
    }
  }
}
