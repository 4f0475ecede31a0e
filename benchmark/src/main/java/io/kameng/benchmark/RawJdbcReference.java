package io.kameng.benchmark;

import io.kameng.launcher.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;

/**
 * The floor an order store stands on: per transaction one INSERT of a row and one UPDATE of that
 * row, then a commit (with its log flush), over plain JDBC on the same MariaDB as Kameng, in a
 * scratch table of its own ({@value #TABLE}, made afresh and dropped again). What Kameng does per
 * order beyond this (HTTP, JSON, the request key, the order number check, the timeline, JPA) is
 * what the ratio between the two measures.
 */
final class RawJdbcReference implements AutoCloseable {

  static final String TABLE = "bench_reference";

  private final DatabaseSettings database;

  private RawJdbcReference(DatabaseSettings database) {
    this.database = database;
  }

  /** Creates the scratch table, replacing one a killed run left behind. */
  static RawJdbcReference create(DatabaseSettings database) throws SQLException {
    RawJdbcReference reference = new RawJdbcReference(database);
    try (Connection connection = reference.connect();
        Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS " + TABLE);
      sql.execute(
          "CREATE TABLE "
              + TABLE
              + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, state VARCHAR(20),"
              + " payload VARCHAR(200), updated_at TIMESTAMP(6)) ENGINE = InnoDB");
    }
    return reference;
  }

  /** A worker with a connection of its own, autocommit off. */
  Load.Worker worker(int thread) throws SQLException {
    Connection connection = connect();
    connection.setAutoCommit(false);
    PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + TABLE + " (state, payload, updated_at) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS);
    PreparedStatement update =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET state = ?, updated_at = ? WHERE id = ?");
    String payload = "{\"deliveryContact\": \"r" + thread + "@example.com\"}";
    return new Load.Worker() {
      @Override
      public void call() throws SQLException {
        try {
          Timestamp now = Timestamp.from(Instant.now());
          insert.setString(1, "SUBMITTED");
          insert.setString(2, payload);
          insert.setTimestamp(3, now);
          insert.executeUpdate();
          long id;
          try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
          update.setString(1, "PAID");
          update.setTimestamp(2, now);
          update.setLong(3, id);
          update.executeUpdate();
          connection.commit();
        } catch (SQLException e) {
          connection.rollback();
          throw e;
        }
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }

  private Connection connect() throws SQLException {
    return connect(database);
  }

  /** A connection to Kameng's own database. */
  static Connection connect(DatabaseSettings database) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", database.user());
    credentials.setProperty("password", database.password());
    return DriverManager.getConnection(database.applicationUrl(), credentials);
  }

  /** Drops the scratch table. */
  @Override
  public void close() throws SQLException {
    try (Connection connection = connect();
        Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS " + TABLE);
    }
  }
}
