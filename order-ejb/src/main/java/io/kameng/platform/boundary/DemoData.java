package io.kameng.platform.boundary;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.Carrier;
import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.Product;
import io.kameng.catalogue.entity.ProductSpec;
import io.kameng.catalogue.entity.ProductType;
import io.kameng.identity.control.AccountRegistry;
import io.kameng.identity.entity.Role;
import io.kameng.merchants.control.MerchantRoster;
import io.kameng.platform.entity.SchemaReady;
import io.kameng.stock.control.CardKeyImport;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo data of the run command: the demo logins it prints and a small catalogue, its card-key
 * products with 20 keys each. Created once the schema is ready, only when {@code kameng.demo-data}
 * is true (the run command sets it; a production server leaves it off), and only where missing, so
 * a second start keeps what the first one made.
 */
@Singleton
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  /** Username, display name, password, role of each demo login. */
  public record Demo(String username, String displayName, String password, Role role) {}

  public static final List<Demo> LOGINS =
      List.of(
          new Demo("admin", "平台管理员 Platform admin", "admin-demo-2026", Role.ADMIN),
          new Demo("reviewer", "风控审核员 Risk reviewer", "reviewer-demo-2026", Role.REVIEWER),
          new Demo("merchant1", "星辰游戏 Star Games", "merchant1-demo-2026", Role.MERCHANT),
          new Demo("merchant2", "云端充值 Cloud Top-up", "merchant2-demo-2026", Role.MERCHANT));

  static final List<ProductSpec> PRODUCTS =
      List.of(
          new ProductSpec(
              "中国移动话费 100元",
              "China Mobile top-up ¥100",
              ProductType.PHONE_TOPUP,
              money("100"),
              money("99.50"),
              FulfilmentChannel.SUPPLIER,
              Carrier.CHINA_MOBILE,
              null,
              1,
              1,
              null),
          new ProductSpec(
              "中国联通流量 10GB",
              "China Unicom data 10 GB",
              ProductType.DATA_TOPUP,
              money("30"),
              money("29.00"),
              FulfilmentChannel.SUPPLIER,
              Carrier.CHINA_UNICOM,
              null,
              1,
              1,
              null),
          new ProductSpec(
              "原神 创世结晶 60",
              "Genshin Impact Genesis Crystals 60",
              ProductType.GAME_RECHARGE,
              money("6"),
              money("5.80"),
              FulfilmentChannel.MERCHANT,
              null,
              "merchant1",
              1,
              10,
              List.of("天空岛", "世界树")),
          new ProductSpec(
              "Steam 钱包充值卡 50元",
              "Steam wallet card ¥50",
              ProductType.CARD_KEY,
              money("50"),
              money("48.00"),
              FulfilmentChannel.CARD_KEY,
              null,
              null,
              1,
              5,
              null),
          new ProductSpec(
              "网易一卡通 15元",
              "NetEase point card ¥15",
              ProductType.GAME_POINT_CARD,
              money("15"),
              money("14.50"),
              FulfilmentChannel.CARD_KEY,
              null,
              "merchant2", // merchant2's own stock
              1,
              10,
              null),
          new ProductSpec(
              "腾讯视频 VIP 月卡",
              "Tencent Video VIP, 1 month",
              ProductType.MEMBERSHIP,
              money("30"),
              money("25.00"),
              FulfilmentChannel.MERCHANT,
              null,
              null,
              1,
              3,
              null));

  @Inject
  @ConfigProperty(name = "kameng.demo-data", defaultValue = "false")
  boolean enabled;

  @Inject AccountRegistry accounts;

  @Inject ProductRegistry products;

  @Inject CardKeyImport cardKeys;

  @Inject MerchantRoster merchants;

  @Inject PlatformClock clock;

  /** Card keys stocked for each demo card-key product of the platform. */
  static final int DEMO_KEYS = 20;

  /** Card keys stocked for a merchant's demo product: few, so its desk warns of low stock. */
  static final int DEMO_MERCHANT_KEYS = 8;

  public void createWhenSchemaReady(@Observes SchemaReady ready) {
    if (!enabled) {
      return;
    }
    for (Demo demo : LOGINS) {
      if (accounts.byUsername(demo.username()).isEmpty()) {
        accounts.register(
            demo.username(), demo.displayName(), demo.password(), Set.of(demo.role()));
        if (demo.role() == Role.MERCHANT) {
          // Demo merchants start online, so a demo order of their products reaches them at once.
          merchants.lock(demo.username(), clock.now()).goOnline(clock.now());
        }
        LOG.info(() -> "Created demo login " + demo.username());
      }
    }
    if (products.listed().isEmpty()) {
      Instant now = clock.now();
      for (ProductSpec spec : PRODUCTS) {
        Product product = products.add(spec);
        if (product.channel() == FulfilmentChannel.CARD_KEY) {
          int keys = product.stockOwner().isPresent() ? DEMO_MERCHANT_KEYS : DEMO_KEYS;
          cardKeys.importInto(product, demoKeys(product.type(), keys), false, now);
        }
      }
      LOG.info(() -> "Created " + PRODUCTS.size() + " demo products, card keys in stock");
    }
  }

  /** A demo stock of {@code count} random keys, so paid demo orders get a key. */
  private static String demoKeys(ProductType type, int count) {
    SecureRandom random = new SecureRandom();
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < count; i++) {
      keys.append(type == ProductType.CARD_KEY ? "STEAM" : "NETEASE");
      for (int part = 0; part < 3; part++) {
        keys.append('-').append(String.format("%04X", random.nextInt(0x10000)));
      }
      keys.append('\n');
    }
    return keys.toString();
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
