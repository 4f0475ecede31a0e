package io.kameng.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Payara Server installation and one domain in it, driven through asadmin: unpacked from the
 * distribution zip into a folder the launcher owns, the MariaDB driver on the domain's class path,
 * Kameng's connection pools and resources created, EJB timers and the batch repository moved to
 * MariaDB.
 */
public final class PayaraServer {

  /** Request threads of the HTTP listener. */
  static final int HTTP_THREADS = 64;

  private static final Logger LOG = Logger.getLogger(PayaraServer.class.getName());

  static final String POOL = "kameng-pool";
  static final String RUNTIME_POOL = "kameng-runtime-pool";
  static final String DATA_SOURCE = "jdbc/kameng";
  static final String RUNTIME_DATA_SOURCE = "jdbc/kameng-runtime";
  static final String APPLICATION = "kameng";
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Path installRoot;
  private final String domain;
  private final int portBase;

  private PayaraServer(Path installRoot, String domain, int portBase) {
    this.installRoot = installRoot;
    this.domain = domain;
    this.portBase = portBase;
  }

  /**
   * Unpacks the distribution into {@code directory} unless already there, and creates the domain
   * unless it exists. Ports are {@code portBase} + the usual offsets: HTTP +80, admin +48.
   */
  public static PayaraServer install(
      Path distributionZip, Path directory, String domain, int portBase)
      throws IOException, InterruptedException {
    Path installRoot = directory.resolve("payara6");
    if (!Files.exists(installRoot.resolve(".kameng-unpacked"))) {
      LOG.info(() -> "Unpacking Payara Server into " + directory);
      unzip(distributionZip, directory);
      Files.writeString(installRoot.resolve(".kameng-unpacked"), distributionZip.toString());
    }
    PayaraServer server = new PayaraServer(installRoot, domain, portBase);
    if (!Files.isDirectory(server.domainDir())) {
      server.asadmin(
          "create-domain", "--nopassword=true", "--portbase", Integer.toString(portBase), domain);
    }
    return server;
  }

  /** Stops the domain a killed run left running in {@code directory}, if any. */
  public static void stopLeftover(Path directory, String domain) {
    Processes.stopLeftover(
        directory.resolve("payara6/glassfish/domains").resolve(domain).resolve("config/pid"),
        "glassfish",
        "a Payara Server domain");
  }

  public int httpPort() {
    return portBase + 80;
  }

  public int adminPort() {
    return portBase + 48;
  }

  public String httpUrl() {
    return "http://localhost:" + httpPort();
  }

  /** The domain's server log, where Kameng's own log lines go too. */
  public Path serverLog() {
    return domainDir().resolve("logs/server.log");
  }

  Path domainDir() {
    return installRoot.resolve("glassfish/domains").resolve(domain);
  }

  Path databaseScripts() {
    return installRoot.resolve("glassfish/lib/install/databases");
  }

  /**
   * Starts the domain (stopping one a killed run left behind) and points it at the database.
   * Settings that Payara reads only at start-up (JVM options, timer and batch data source) make the
   * first start, and a start against another database, restart the domain once.
   */
  public void start(Path driverJar, DatabaseSettings db, Map<String, String> systemProperties)
      throws IOException, InterruptedException {
    stopLeftover(installRoot.getParent(), domain);
    Files.deleteIfExists(domainDir().resolve("config/pid"));
    Files.createDirectories(domainDir().resolve("lib"));
    Files.copy(
        driverJar,
        domainDir().resolve("lib/mariadb-java-client.jar"),
        StandardCopyOption.REPLACE_EXISTING);
    DatabaseSetup.prepare(db, databaseScripts());
    startDomain();
    Path marker = domainDir().resolve("config/.kameng-configured");
    String runtimeConfig =
        "timers and batch in " + db.runtimeDatabase() + "; http threads " + HTTP_THREADS;
    boolean firstStart = !Files.exists(marker);
    boolean runtimeChanged = firstStart || !Files.readString(marker).equals(runtimeConfig);
    configurePools(db);
    if (firstStart) {
      asadmin("create-jvm-options", "-Duser.timezone=UTC");
    }
    if (runtimeChanged) {
      asadmin(
          "set",
          "configs.config.server-config.ejb-container.ejb-timer-service.timer-datasource="
              + RUNTIME_DATA_SOURCE);
      // The schema name matters: the batch runtime switches its pooled connections to it, and
      // the EJB timer service shares the pool.
      asadmin(
          "set-batch-runtime-configuration",
          "--datasourcelookupname",
          RUNTIME_DATA_SOURCE,
          "--schemaName",
          db.runtimeDatabase());
      // Payara's default of 5 request threads queues buyers behind each other at once.
      asadmin(
          "set",
          "configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size="
              + HTTP_THREADS);
      Files.writeString(marker, runtimeConfig);
    }
    for (Map.Entry<String, String> property : systemProperties.entrySet()) {
      asadmin("create-system-properties", property.getKey() + "=" + escape(property.getValue()));
    }
    if (runtimeChanged) {
      // Payara reads the timer and batch settings, and JVM options, only at start-up.
      asadmin("restart-domain", domain);
    }
    LOG.info(() -> "Payara Server domain " + domain + " running at " + httpUrl());
  }

  /**
   * Starts the domain, once more if the first attempt fails: Payara's very first start of a new
   * domain now and then dies in its own start-up (an HK2 "WouldBlockException"), leaving a JVM that
   * never answers.
   */
  private void startDomain() throws IOException, InterruptedException {
    try {
      asadmin(START_TIMEOUT, "start-domain", domain);
    } catch (IOException firstAttempt) {
      LOG.warning(
          () ->
              "Payara Server domain did not start, trying once more: " + firstAttempt.getMessage());
      stopLeftover(installRoot.getParent(), domain);
      Files.deleteIfExists(domainDir().resolve("config/pid"));
      asadmin(START_TIMEOUT, "start-domain", domain);
    }
  }

  private void configurePools(DatabaseSettings db) throws IOException, InterruptedException {
    String pools = asadmin("list-jdbc-connection-pools");
    createPool(pools, POOL, "javax.sql.DataSource", DATA_SOURCE, db.applicationUrl(), db);
    createPool(
        pools, RUNTIME_POOL, "javax.sql.XADataSource", RUNTIME_DATA_SOURCE, db.runtimeUrl(), db);
  }

  /**
   * The application pool is local (non-XA): MariaDB refuses DDL inside XA transactions, and Flyway
   * needs DDL. The runtime pool is XA, so a timer or batch step may write to both databases in one
   * transaction (the local pool then takes part as the last resource).
   */
  private void createPool(
      String existing, String pool, String type, String jndiName, String url, DatabaseSettings db)
      throws IOException, InterruptedException {
    if (!existing.lines().anyMatch(pool::equals)) {
      asadmin(
          "create-jdbc-connection-pool",
          "--datasourceclassname",
          "org.mariadb.jdbc.MariaDbDataSource",
          "--restype",
          type,
          "--isconnectvalidatereq=true",
          "--validationmethod",
          "custom-validation",
          "--validationclassname",
          "org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
          "--failconnection=true",
          "--steadypoolsize",
          "2",
          "--maxpoolsize",
          "64",
          "--property",
          "user=" + escape(db.user()),
          pool);
      asadmin("create-jdbc-resource", "--connectionpoolid", pool, jndiName);
    }
    // Every hand-out is validated (0): validating only once a minute saves a round trip per
    // transaction but hands out dead connections for up to a minute after the database restarts.
    asadmin(
        "set",
        "resources.jdbc-connection-pool." + pool + ".validate-atmost-once-period-in-seconds=0");
    String prefix = "resources.jdbc-connection-pool." + pool + ".property.";
    asadmin("set", prefix + "url=" + url);
    asadmin("set", prefix + "user=" + db.user());
    if (!db.password().isEmpty()) {
      asadmin("set", prefix + "password=" + db.password());
    }
  }

  /**
   * Deploys the Kameng EAR under the application name {@value #APPLICATION}. The domain is stopped
   * with Kameng undeployed (see {@link #stop()}), so it starts empty and this is a fresh
   * deployment; only after a killed run is an old Kameng still there, and it is replaced once the
   * domain has finished loading it (Payara loads deployed applications in the background after
   * start-domain returns, and a deployment racing that load fails).
   */
  public void deploy(Path ear) throws IOException, InterruptedException {
    undeployKameng();
    asadmin("deploy", "--name", APPLICATION, ear.toAbsolutePath().toString());
  }

  private boolean isKamengDeployed() throws IOException, InterruptedException {
    return asadmin("list-applications")
        .lines()
        .anyMatch(line -> line.startsWith(APPLICATION + " "));
  }

  private void awaitLoaded() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest api =
        HttpRequest.newBuilder(URI.create(httpUrl() + "/shop/api/v1/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(api, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
  }

  /**
   * Stops the domain with its applications deployed, runs {@code whileStopped}, and starts it
   * again; answers when the deployed applications answer (restart-safety tests: what was due while
   * no server ran must be done once after the start).
   */
  public void restart(ThrowingRunnable whileStopped) throws Exception {
    asadmin("stop-domain", domain);
    whileStopped.run();
    startDomain();
    awaitLoaded();
  }

  /**
   * Kills the domain's JVM without warning (SIGKILL: nothing of it runs to an end), runs {@code
   * whileDown}, and starts it again; answers when the deployed applications answer (crash tests).
   */
  public void kill(ThrowingRunnable whileDown) throws Exception {
    Path pidFile = domainDir().resolve("config/pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("No Payara process " + pid));
    process.destroyForcibly();
    process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    Files.deleteIfExists(pidFile);
    whileDown.run();
    startDomain();
    awaitLoaded();
  }

  /** Something to do while the domain is stopped. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * The file an adjustable platform clock starts from (an ISO-8601 duration ahead of real time),
   * for a test that moves time while the server is stopped.
   */
  public Path clockOffsetFile() {
    return domainDir().resolve("config/kameng-clock-offset");
  }

  /** Removes the Kameng application if deployed (tests: a killed run may have left it behind). */
  public void undeployKameng() throws IOException, InterruptedException {
    if (isKamengDeployed()) {
      awaitLoaded();
      asadmin("undeploy", APPLICATION);
    }
  }

  /** Undeploys Kameng, so the next start begins with an empty domain, and stops the domain. */
  public void stop() {
    try {
      if (isKamengDeployed()) {
        asadmin("undeploy", APPLICATION);
      }
    } catch (IOException | InterruptedException e) {
      LOG.warning(() -> "Kameng was not undeployed: " + e.getMessage());
    }
    try {
      asadmin("stop-domain", domain);
    } catch (IOException | InterruptedException e) {
      LOG.warning(() -> "Payara Server domain did not stop cleanly: " + e.getMessage());
    }
    // Whatever asadmin said, no domain JVM may outlive the stack.
    stopLeftover(installRoot.getParent(), domain);
  }

  /** Runs one asadmin command and returns its output; fails with that output if it fails. */
  String asadmin(String... command) throws IOException, InterruptedException {
    return asadmin(COMMAND_TIMEOUT, command);
  }

  /**
   * Runs one asadmin command within {@code timeout}. Its output goes to a file, not a pipe, so the
   * timeout holds even when asadmin hangs with its output stream open.
   */
  private String asadmin(Duration timeout, String... command)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.add("-jar");
    line.add(installRoot.resolve("glassfish/lib/client/appserver-cli.jar").toString());
    line.add("--port");
    line.add(Integer.toString(adminPort()));
    line.add("--interactive=false");
    line.addAll(List.of(command));
    Path output = Files.createTempFile("asadmin-", ".log");
    try {
      Process process =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException("asadmin " + command[0] + " did not finish in " + timeout);
      }
      String text = Files.readString(output);
      if (process.exitValue() != 0) {
        throw new IOException("asadmin " + String.join(" ", command) + " failed:\n" + text);
      }
      return text;
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }

  /** asadmin separates properties with ':' and takes '\' as escape. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("Zip entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
          if (out.getParent().getFileName().toString().equals("bin")) {
            out.toFile().setExecutable(true);
          }
        }
      }
    }
  }
}
