package io.kameng.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless browser for page tests: Debian's {@code chromium} driven through Debian's {@code
 * chromium-driver}, so nothing is downloaded. Where they are not installed the calling test is
 * skipped with a message saying how to install them.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Selenium warns on every start that it has no DevTools (CDP) bindings for this chromium; the
   * tests use plain WebDriver only, so the warning is noise. Held here so the settings stay.
   */
  private static final java.util.List<java.util.logging.Logger> QUIET =
      java.util.List.of(
          java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
          java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static {
    QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
  }

  private Browser() {}

  public static ChromeDriver open(String language) {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Browser tests skipped: no "
            + CHROMIUM
            + " or "
            + DRIVER
            + ". Install them with: sudo apt-get install -y chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
