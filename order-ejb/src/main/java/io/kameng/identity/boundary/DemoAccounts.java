package io.kameng.identity.boundary;

import io.kameng.identity.control.AccountRegistry;
import io.kameng.identity.entity.Role;
import io.kameng.platform.entity.SchemaReady;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo logins printed by the run command. Created once the schema is ready, only when {@code
 * kameng.demo-data} is true (the run command sets it; a production server leaves it off), and only
 * where missing, so a second start keeps what the first one made.
 */
@Singleton
public class DemoAccounts {

  private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

  /** Username, display name, password, role of each demo login. */
  public record Demo(String username, String displayName, String password, Role role) {}

  public static final Set<Demo> LOGINS =
      Set.of(
          new Demo("admin", "平台管理员 Platform admin", "admin-demo-2026", Role.ADMIN),
          new Demo("reviewer", "风控审核员 Risk reviewer", "reviewer-demo-2026", Role.REVIEWER),
          new Demo("merchant1", "星辰游戏 Star Games", "merchant1-demo-2026", Role.MERCHANT),
          new Demo("merchant2", "云端充值 Cloud Top-up", "merchant2-demo-2026", Role.MERCHANT));

  @Inject
  @ConfigProperty(name = "kameng.demo-data", defaultValue = "false")
  boolean enabled;

  @Inject AccountRegistry accounts;

  public void createWhenSchemaReady(@Observes SchemaReady ready) {
    if (!enabled) {
      return;
    }
    for (Demo demo : LOGINS) {
      if (accounts.byUsername(demo.username()).isEmpty()) {
        accounts.register(
            demo.username(), demo.displayName(), demo.password(), Set.of(demo.role()));
        LOG.info(() -> "Created demo login " + demo.username());
      }
    }
  }
}
