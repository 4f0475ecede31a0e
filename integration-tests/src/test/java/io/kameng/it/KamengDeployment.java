package io.kameng.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the integration tests deploy: the EAR exactly as the build made it, plus a test WAR
 * ({@code /kameng-tests}) holding the test class and its helpers.
 */
public final class KamengDeployment {

  public static final String TEST_WAR = "kameng-tests.war";

  private KamengDeployment() {}

  public static EnterpriseArchive withTests(Class<?>... testClasses) {
    File earFile = Path.of(System.getProperty("kameng.it.runtime"), "ear.ear").toFile();
    EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile);
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, TEST_WAR)
            .addClasses(testClasses)
            .addAsLibraries(jarOf(Assertions.class))
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    ear.addAsModule(Testable.archiveToTest(tests));
    ear.setApplicationXML(new StringAsset(withTestModule(applicationXml(ear))));
    return ear;
  }

  /** Adds a test-only resource (for example a batch job XML) to the test WAR's class path. */
  public static EnterpriseArchive withTestResource(
      EnterpriseArchive ear, String resource, String target) {
    ear.getAsType(WebArchive.class, TEST_WAR).addAsResource(resource, target);
    return ear;
  }

  private static String applicationXml(EnterpriseArchive ear) {
    try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withTestModule(String applicationXml) {
    String module =
        "<module><web><web-uri>"
            + TEST_WAR
            + "</web-uri><context-root>/kameng-tests</context-root></web></module>";
    int lastModule = applicationXml.lastIndexOf("</module>") + "</module>".length();
    return applicationXml.substring(0, lastModule) + module + applicationXml.substring(lastModule);
  }

  private static File jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
