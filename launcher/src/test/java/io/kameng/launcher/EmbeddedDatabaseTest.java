package io.kameng.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB: real server, data kept between starts, leftovers of killed runs handled.
 */
class EmbeddedDatabaseTest {

  private static final Path HOME = Path.of("target", "embedded-database-test").toAbsolutePath();

  @Test
  void aServerLeftBehindByAKilledRunIsStoppedAndItsDataKept() throws Exception {
    String temp = System.getProperty("java.io.tmpdir");
    Files.createDirectories(Path.of(temp));
    Process killedRun =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + temp,
                    "-cp",
                    System.getProperty("java.class.path"),
                    LeftoverDatabase.class.getName(),
                    HOME.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(killedRun.getInputStream().readAllBytes());
    assertThat(killedRun.waitFor()).as(output).isEqualTo(137);
    Optional<ProcessHandle> orphan = Processes.alive(HOME.resolve("mariadb.pid"), "mariadbd");
    assertThat(orphan).as("the killed run's MariaDB is still running").isPresent();

    try (EmbeddedDatabase database = EmbeddedDatabase.start(HOME)) {
      assertThat(orphan.get().isAlive()).isFalse();
      try (Connection connection =
              DriverManager.getConnection(
                  database.settings().serverUrl(), "root", database.settings().password());
          ResultSet databases = connection.createStatement().executeQuery("SHOW DATABASES")) {
        boolean markerKept = false;
        while (databases.next()) {
          markerKept |= databases.getString(1).equals("left_behind_marker");
        }
        assertThat(markerKept).as("data written before the kill is still there").isTrue();
      }
    }
    assertThat(Processes.alive(HOME.resolve("mariadb.pid"), "mariadbd")).isEmpty();
    assertThat(Files.exists(HOME.resolve("data"))).isTrue();
  }

  @Test
  void aDataFolderUnderTheTempFolderIsRefusedBeforeAnythingIsLost() {
    Path underTemp = Path.of(System.getProperty("java.io.tmpdir"), "kameng-data");

    assertThatThrownBy(() -> EmbeddedDatabase.start(underTemp))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("lies under java.io.tmpdir");
  }
}
