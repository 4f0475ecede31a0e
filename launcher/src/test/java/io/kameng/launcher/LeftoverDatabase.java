package io.kameng.launcher;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Test helper run in a separate JVM: starts the embedded database, writes a marker, then dies the
 * way {@code kill -9} kills a run, without shutdown hooks, leaving the MariaDB server orphaned.
 */
public final class LeftoverDatabase {

  private LeftoverDatabase() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
    try (var connection =
            DriverManager.getConnection(
                database.settings().serverUrl(), "root", database.settings().password());
        var sql = connection.createStatement()) {
      sql.execute("CREATE DATABASE IF NOT EXISTS left_behind_marker");
    }
    System.out.println("STARTED");
    Runtime.getRuntime().halt(137);
  }
}
