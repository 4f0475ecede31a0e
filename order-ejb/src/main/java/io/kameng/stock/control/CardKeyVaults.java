package io.kameng.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's card-key vault, from {@code kameng.card-key.secret} (MicroProfile Config: a system
 * property, an environment variable {@code KAMENG_CARD_KEY_SECRET}, or a password alias). Read on
 * first use, so a server without card keys starts without the secret.
 */
@ApplicationScoped
public class CardKeyVaults {

  private volatile CardKeyVault vault;

  public CardKeyVault vault() {
    CardKeyVault current = vault;
    if (current == null) {
      current =
          CardKeyVault.of(
              ConfigProvider.getConfig()
                  .getOptionalValue("kameng.card-key.secret", String.class)
                  .orElse(null));
      vault = current;
    }
    return current;
  }
}
