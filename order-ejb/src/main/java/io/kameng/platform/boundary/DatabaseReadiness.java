package io.kameng.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to take traffic only when the schema is migrated and the database answers now. A load
 * balancer polling {@code /health/ready} stops sending requests to an instance that lost its
 * database and resumes when it is back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Inject SchemaMigration migration;

  @Resource(lookup = "jdbc/kameng")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    SchemaMigration.State schema = migration.state();
    if (!schema.applied()) {
      return response.down().withData("schema", schema.problem()).build();
    }
    response.withData("schema", schema.version());
    try (Connection connection = dataSource.getConnection()) {
      if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return response.up().build();
      }
      return response.down().withData("connection", "not valid").build();
    } catch (SQLException e) {
      return response.down().withData("connection", String.valueOf(e.getMessage())).build();
    }
  }
}
