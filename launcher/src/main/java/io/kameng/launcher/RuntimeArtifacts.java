package io.kameng.launcher;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files a stack runs, as the build copies them into one folder (see the launcher and
 * integration-tests poms).
 */
public record RuntimeArtifacts(
    Path payaraZip, Path payaraMicro, Path driver, Path ear, Path sandboxWar) {

  public static RuntimeArtifacts in(Path folder) throws NoSuchFileException {
    RuntimeArtifacts artifacts =
        new RuntimeArtifacts(
            folder.resolve("payara.zip"),
            folder.resolve("payara-micro.jar"),
            folder.resolve("mariadb-java-client.jar"),
            folder.resolve("ear.ear"),
            folder.resolve("partner-sandbox.war"));
    for (Path file :
        new Path[] {
          artifacts.payaraZip, artifacts.payaraMicro, artifacts.driver, artifacts.sandboxWar
        }) {
      if (!Files.exists(file)) {
        throw new NoSuchFileException(file + " (build first: mvn -B package -DskipTests)");
      }
    }
    return artifacts;
  }
}
