package io.kameng.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The partner sandbox WAR on Payara Micro, in a process of its own like a real third party. Ready
 * when its health endpoint answers; its log goes to {@code sandbox.log} in the work folder.
 */
public final class PartnerSandbox implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PartnerSandbox.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final int port;

  private PartnerSandbox(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Payara Micro with the sandbox WAR on {@code port}; does not wait for it. The gateway
   * signs with the key pair kept in {@code workDir/gateway}; its retry schedules run {@code
   * timeScale} times real time.
   */
  public static PartnerSandbox launch(
      Path microJar, Path sandboxWar, Path workDir, int port, double timeScale) throws IOException {
    Path pidFile = workDir.resolve("sandbox.pid");
    Processes.stopLeftover(pidFile, "payara-micro", "a partner sandbox");
    Files.createDirectories(workDir);
    PartnerKeys.ensure(workDir.resolve("gateway"));
    PartnerKeys.ensure(workDir.resolve("supplier"));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // Payara Micro itself needs about 150 MB; a million bulk trades of a load test about
            // 235 MB more, their bill's rows 30 MB while it is written.
            "-Xmx1g",
            "-Dsandbox.gateway.private-key="
                + workDir.resolve("gateway").resolve(PartnerKeys.PRIVATE).toAbsolutePath(),
            "-Dsandbox.supplier.private-key="
                + workDir.resolve("supplier").resolve(PartnerKeys.PRIVATE).toAbsolutePath(),
            "-Dsandbox.time-scale=" + timeScale,
            "-jar",
            microJar.toAbsolutePath().toString(),
            "--nocluster",
            "--noHazelcast",
            "--port",
            Integer.toString(port),
            "--contextroot",
            "sandbox",
            "--rootdir",
            workDir.resolve("micro-root").toAbsolutePath().toString(),
            "--deploy",
            sandboxWar.toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("sandbox.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    Processes.writePid(pidFile, process.pid());
    return new PartnerSandbox(process, port);
  }

  /** The gateway's public key (Base64 X.509), for the platform to verify notices with. */
  public static String gatewayPublicKey(Path workDir) throws IOException {
    return PartnerKeys.ensure(workDir.resolve("gateway"));
  }

  /** The supplier's public key (Base64 X.509), for the platform to verify recharge results with. */
  public static String supplierPublicKey(Path workDir) throws IOException {
    return PartnerKeys.ensure(workDir.resolve("supplier"));
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/sandbox";
  }

  public String healthUrl() {
    return "http://127.0.0.1:" + port + "/health";
  }

  /** Waits until the sandbox's readiness endpoint says UP. */
  public void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "Partner sandbox exited with " + process.exitValue() + ", see its log");
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(healthUrl() + "/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("partner-sandbox")) {
          LOG.info(() -> "Partner sandbox ready at " + url());
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException("Partner sandbox not ready after " + START_TIMEOUT);
  }

  @Override
  public void close() {
    Processes.stop(process.toHandle(), Duration.ofSeconds(20));
  }
}
