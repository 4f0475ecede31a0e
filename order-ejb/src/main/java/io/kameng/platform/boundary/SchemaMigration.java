package io.kameng.platform.boundary;

import io.kameng.platform.entity.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the newest Flyway migration when the application is deployed.
 *
 * <p>Runs outside any container transaction (bean-managed), because MariaDB has no transactional
 * DDL. If the database cannot be reached at deployment, the application still deploys, readiness
 * stays DOWN and the migration is retried every few seconds until it succeeds. Several instances
 * starting at once are safe: Flyway serialises them with a database lock.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  private static final long RETRY_MILLIS = 5_000;

  /** What the migration achieved so far; read by readiness. */
  public record State(boolean applied, String version, String problem) {}

  @Resource(lookup = "jdbc/kameng")
  DataSource dataSource;

  @Resource TimerService timers;

  @Inject Event<SchemaReady> schemaReady;

  private final AtomicReference<State> state =
      new AtomicReference<>(new State(false, null, "migrations have not run yet"));

  @PostConstruct
  void migrateAtDeployment() {
    migrate();
  }

  @Timeout
  void retry() {
    migrate();
  }

  public State state() {
    return state.get();
  }

  private void migrate() {
    try {
      Flyway flyway =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load();
      MigrateResult result = flyway.migrate();
      String version =
          flyway.info().current() == null
              ? "none"
              : flyway.info().current().getVersion().toString();
      LOG.info(
          () ->
              "Database schema at version " + version + " (" + result.migrationsExecuted + " new)");
      state.set(new State(true, version, null));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Database migration failed; retrying in " + RETRY_MILLIS + " ms", e);
      state.set(new State(false, null, "migration failed: " + e.getMessage()));
      timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
      return;
    }
    announceReady();
  }

  /** Work that waits for the schema must not make the migration look failed when it fails. */
  private void announceReady() {
    try {
      schemaReady.fire(new SchemaReady(state().version()));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "A task waiting for the database schema failed", e);
    }
  }
}
