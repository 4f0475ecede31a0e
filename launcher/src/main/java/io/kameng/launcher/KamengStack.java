package io.kameng.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Kameng and everything it needs, started in order and stopped in reverse: the database (embedded
 * unless one is configured), the partner sandbox on Payara Micro, and a Payara Server domain
 * configured for Kameng, with the EAR deployed when one is given.
 */
public final class KamengStack implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KamengStack.class.getName());

  /**
   * What to start, and where.
   *
   * @param home folder the stack owns: Payara install, embedded database, logs
   * @param runtime the artifacts to run (Payara zip, Payara Micro, driver, EAR, sandbox)
   * @param domain the Payara Server domain name
   * @param portBase the domain's port base (HTTP = base + 80, admin = base + 48)
   * @param serverProperties system properties of the domain besides the sandbox's address (for
   *     example {@code kameng.demo-data})
   * @param deployEar whether to deploy the EAR (tests deploy their own archive instead)
   * @param database the configured database, or empty for the embedded one
   * @param sandboxTimeScale how fast the sandbox's retry schedules run (1 = real time; tests run
   *     them a thousand times faster)
   */
  public record Settings(
      Path home,
      RuntimeArtifacts runtime,
      String domain,
      int portBase,
      Map<String, String> serverProperties,
      boolean deployEar,
      Optional<DatabaseSettings> database,
      double sandboxTimeScale) {

    /** Settings with the sandbox in real time. */
    public Settings(
        Path home,
        RuntimeArtifacts runtime,
        String domain,
        int portBase,
        Map<String, String> serverProperties,
        boolean deployEar,
        Optional<DatabaseSettings> database) {
      this(home, runtime, domain, portBase, serverProperties, deployEar, database, 1);
    }
  }

  private final Settings settings;
  private EmbeddedDatabase embedded;
  private DatabaseSettings database;
  private PartnerSandbox sandbox;
  private PayaraServer server;
  private volatile boolean closed;

  private KamengStack(Settings settings) {
    this.settings = settings;
  }

  /** A stack not started yet: register {@link #close()} for Ctrl-C first, then {@link #start()}. */
  public static KamengStack of(Settings settings) {
    return new KamengStack(settings);
  }

  /** Starts everything; on failure stops what was started and rethrows. */
  public KamengStack start() throws IOException, InterruptedException {
    try {
      startAll();
      return this;
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startAll() throws IOException, InterruptedException {
    Path home = settings.home();
    if (settings.database().isPresent()) {
      database = settings.database().get();
    } else {
      embedded = EmbeddedDatabase.start(home.resolve("mariadb"));
      database = embedded.settings();
    }
    checkNotClosed();
    sandbox =
        PartnerSandbox.launch(
            settings.runtime().payaraMicro(),
            settings.runtime().sandboxWar(),
            home.resolve("sandbox"),
            Ports.remembered(home.resolve("sandbox/port")),
            settings.sandboxTimeScale());
    checkNotClosed();
    server =
        PayaraServer.install(
            settings.runtime().payaraZip(), home, settings.domain(), settings.portBase());
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("kameng.sandbox.url", sandbox.url());
    properties.put(
        "kameng.gateway.sandbox.public-key",
        PartnerSandbox.gatewayPublicKey(home.resolve("sandbox")));
    properties.put(
        "kameng.supplier.sandbox.public-key",
        PartnerSandbox.supplierPublicKey(home.resolve("sandbox")));
    properties.put("kameng.card-key.secret", StackSecrets.ensure(home, StackSecrets.CARD_KEY));
    // Notices to the storefront: signed webhooks to the sandbox's storefront receiver.
    properties.put(
        "kameng.notices.webhook-secret", StackSecrets.ensure(home, StackSecrets.NOTICE_WEBHOOK));
    properties.put("kameng.notices.webhook-url", sandbox.url() + "/api/storefront/notices");
    // Where partners call back when no request tells (background work): this server's own shop.
    properties.put(
        "kameng.shop.internal-url", "http://127.0.0.1:" + (settings.portBase() + 80) + "/shop");
    properties.putAll(settings.serverProperties());
    server.start(settings.runtime().driver(), database, properties);
    checkNotClosed();
    sandbox.awaitReady();
    if (settings.deployEar()) {
      server.deploy(settings.runtime().ear());
    }
  }

  /** Stopped while starting (Ctrl-C): stop here instead of starting more. */
  private void checkNotClosed() throws InterruptedException {
    if (closed) {
      close();
      throw new InterruptedException("stopped while starting");
    }
  }

  public PayaraServer server() {
    return server;
  }

  public PartnerSandbox sandbox() {
    return sandbox;
  }

  public DatabaseSettings database() {
    return database;
  }

  /** The embedded database, when no database was configured. */
  public Optional<EmbeddedDatabase> embeddedDatabase() {
    return Optional.ofNullable(embedded);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (server != null) {
      server.stop();
      server = null;
    }
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
