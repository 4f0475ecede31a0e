package io.kameng.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.it.KamengDeployment;
import io.kameng.it.TestFixtures;
import io.kameng.partner.control.PartnerProbe;
import io.kameng.partner.entity.PartnerStatus;
import io.kameng.platform.boundary.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation inside the deployed EAR: schema, transactions, hashing, fault tolerance, timers.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  private static final String PASSWORD = "a-long-enough-password";

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTestResource(
        KamengDeployment.withTests(
            PlatformIT.class, TestFixtures.class, PlatformCheckBatchlet.class),
        "platform-check.xml",
        "META-INF/batch-jobs/platform-check.xml");
  }

  @Inject SchemaMigration migration;

  @Inject TestFixtures fixtures;

  @Inject PartnerProbe probe;

  @Resource(lookup = "jdbc/kameng")
  DataSource kameng;

  @Resource(lookup = "jdbc/kameng-runtime")
  DataSource runtime;

  @Test
  void migrationsAreAppliedAtDeployment() throws SQLException {
    assertThat(migration.state().applied()).isTrue();
    List<String> history =
        strings(
            kameng,
            "SELECT CONCAT(version, ':', success) FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank");
    assertThat(history).contains("1:1", "2:1").allMatch(row -> row.endsWith(":1"));
    String newest = history.get(history.size() - 1);
    assertThat(migration.state().version()).isEqualTo(newest.substring(0, newest.indexOf(':')));
    assertThat(
            strings(
                kameng,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"))
        .contains("user_account", "user_account_role", "product", "product_server");
  }

  @Test
  void aTransactionThatFailsKeepsNothingItWrote() {
    String first = unique("first");
    String second = unique("second");

    assertThatThrownBy(() -> fixtures.registerBothThenFail(first, second, PASSWORD))
        .hasMessageContaining("refused after writing");

    assertThat(fixtures.find(first)).isEmpty();
    assertThat(fixtures.find(second)).isEmpty();
  }

  @Test
  void aTransactionThatSucceedsKeepsEverythingItWrote() {
    String first = unique("first");
    String second = unique("second");

    fixtures.registerBoth(first, second, PASSWORD);

    assertThat(fixtures.find(first)).isPresent();
    assertThat(fixtures.find(second)).isPresent();
  }

  @Test
  void passwordsAreStoredAsSaltedPbkdf2HashesNeverAsThemselves() throws SQLException {
    String first = unique("first");
    String second = unique("second");
    fixtures.registerBoth(first, second, PASSWORD);

    List<String> hashes =
        strings(
            kameng,
            "SELECT password_hash FROM user_account WHERE username IN (?, ?)",
            first,
            second);

    assertThat(hashes).hasSize(2).allMatch(h -> h.startsWith("PBKDF2WithHmacSHA256:600000:"));
    assertThat(hashes).noneMatch(h -> h.contains(PASSWORD));
    assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
  }

  @Test
  void aPartnerThatDoesNotAnswerInTimeIsCutOffByFaultTolerance() throws Exception {
    // Accepts connections (the kernel does) but never answers a request.
    try (ServerSocket silentPartner = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI health = URI.create("http://127.0.0.1:" + silentPartner.getLocalPort() + "/health");

      PartnerStatus status = probe.probe(health);

      assertThat(status.state()).isEqualTo(PartnerStatus.State.UNREACHABLE);
      assertThat(status.detail()).isEqualTo("TimeoutException");
    }
  }

  @Test
  void persistentTimersAreKeptInTheSharedMariaDb() throws SQLException {
    String before = strings(runtime, "SELECT COUNT(*) FROM EJB__TIMER__TBL").get(0);

    fixtures.scheduleInAnHour(unique("timer"));
    String during = strings(runtime, "SELECT COUNT(*) FROM EJB__TIMER__TBL").get(0);
    fixtures.cancelAllTimers();

    assertThat(Integer.parseInt(during)).isEqualTo(Integer.parseInt(before) + 1);
  }

  @Test
  void batchJobRunsAreKeptInTheSharedMariaDb() throws Exception {
    long execution = BatchRuntime.getJobOperator().start("platform-check", new Properties());
    BatchStatus status = null;
    for (int i = 0; i < 120 && status != BatchStatus.COMPLETED; i++) {
      Thread.sleep(250);
      status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
    }

    assertThat(status).isEqualTo(BatchStatus.COMPLETED);
    assertThat(
            strings(
                runtime,
                "SELECT batchstatus FROM EXECUTIONINSTANCEDATA WHERE jobexecid = ?",
                Long.toString(execution)))
        .containsExactly("COMPLETED");
  }

  private static String unique(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36);
  }

  private static List<String> strings(DataSource source, String sql, String... parameters)
      throws SQLException {
    try (Connection connection = source.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
