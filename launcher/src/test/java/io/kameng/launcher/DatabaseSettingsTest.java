package io.kameng.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void noConfiguredUrlMeansTheEmbeddedDatabase() {
    assertThat(DatabaseSettings.configured(Map.of())).isEmpty();
    assertThat(DatabaseSettings.configured(Map.of("KAMENG_DB_URL", " "))).isEmpty();
  }

  @Test
  void aConfiguredDatabaseIsReadFromTheEnvironment() {
    DatabaseSettings db =
        DatabaseSettings.configured(
                Map.of(
                    "KAMENG_DB_URL", "jdbc:mariadb://db.internal:3307/shop",
                    "KAMENG_DB_USER", "kameng_app",
                    "KAMENG_DB_PASSWORD", "s3cret"))
            .orElseThrow();

    assertThat(db)
        .isEqualTo(new DatabaseSettings("db.internal", 3307, "shop", "kameng_app", "s3cret"));
    assertThat(db.applicationUrl())
        .isEqualTo("jdbc:mariadb://db.internal:3307/shop?connectTimeout=3000");
    assertThat(db.runtimeUrl())
        .isEqualTo(
            "jdbc:mariadb://db.internal:3307/shop_runtime?connectTimeout=3000&useMysqlMetadata=true");
  }

  @Test
  void portAndDatabaseNameHaveDefaults() {
    DatabaseSettings db =
        DatabaseSettings.configured(Map.of("KAMENG_DB_URL", "jdbc:mariadb://db.internal/"))
            .orElseThrow();

    assertThat(db.port()).isEqualTo(3306);
    assertThat(db.database()).isEqualTo("kameng");
    assertThat(db.runtimeDatabase()).isEqualTo("kameng_runtime");
  }

  @Test
  void aUrlForAnotherDatabaseIsRefusedWithAnExplanation() {
    assertThatThrownBy(
            () ->
                DatabaseSettings.configured(
                    Map.of("KAMENG_DB_URL", "jdbc:postgresql://db.internal/kameng")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KAMENG_DB_URL must look like jdbc:mariadb://host:3306/kameng");
  }
}
