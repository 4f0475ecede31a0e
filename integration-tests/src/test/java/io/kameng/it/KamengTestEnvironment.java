package io.kameng.it;

import io.kameng.launcher.KamengStack;
import io.kameng.launcher.RuntimeArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the integration tests run against, once for the whole test run: the embedded MariaDB
 * (unless {@code KAMENG_DB_URL} names one), a Payara Server domain on port base 28000 and the
 * partner sandbox on Payara Micro. Arquillian then deploys the EAR into that domain. Everything is
 * stopped when the run ends, also when it fails.
 */
public class KamengTestEnvironment implements LauncherSessionListener {

  private static KamengStack stack;

  /** The running stack; fails clearly when the tests were started without this listener. */
  public static KamengStack stack() {
    if (stack == null) {
      throw new IllegalStateException("The Kameng test stack is not running");
    }
    return stack;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (stack != null || System.getProperty("kameng.it.runtime") == null) {
      return;
    }
    try {
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
      KamengStack.Settings settings =
          new KamengStack.Settings(
              Path.of(System.getProperty("kameng.it.home")),
              RuntimeArtifacts.in(Path.of(System.getProperty("kameng.it.runtime"))),
              "kameng-it",
              Integer.getInteger("kameng.it.portBase", 28000),
              // Tests move the platform's clock forward instead of sleeping.
              // All test orders come from one address and few buyers, at any hour: the risk rules
              // that count orders or look at the time are off unless a test switches them on.
              java.util.Map.of(
                  "kameng.demo-data", "false",
                  // Tests start reconciliations themselves (ReconciliationIT drives the schedule).
                  "kameng.reconciliation.schedule", "false",
                  "kameng.clock.adjustable", "true",
                  "kameng.setting.risk-ip-orders", "0",
                  "kameng.setting.risk-buyer-orders", "0",
                  "kameng.setting.risk-new-buyer-amount", "0",
                  "kameng.setting.risk-night-amount", "0"),
              false,
              io.kameng.launcher.DatabaseSettings.configured(System.getenv()),
              // The gateway's notice retries (4 min … 15 h) in milliseconds … seconds.
              0.001);
      stack = KamengStack.of(settings);
      Runtime.getRuntime().addShutdownHook(new Thread(KamengTestEnvironment::stop));
      stack.start();
      stack.server().undeployKameng();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the Kameng test stack", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stop();
  }

  private static synchronized void stop() {
    Optional.ofNullable(stack).ifPresent(KamengStack::close);
    stack = null;
  }
}
