package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven by Selenium, for the browser tests. Fails if Chromium is absent.
 * Every host but 127.0.0.1 is unresolvable, so a page cannot reach the network beyond the server under
 * test; the browser keeps its network and console logs, so a test can name every request a page made.
 */
final class HeadlessChromium {
    /**
     * One browser for a test class, started before its {@code @BeforeAll} methods with a fresh profile and
     * quit after them: {@code @RegisterExtension static final HeadlessChromium.Session CHROMIUM = new HeadlessChromium.Session();}
     */
    static final class Session implements BeforeAllCallback, AfterAllCallback {
        private Path profile;
        private WebDriver browser;

        WebDriver browser() {
            return browser;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            profile = Files.createTempDirectory("custody-chromium-");
            browser = start(profile);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (browser != null) {
                browser.quit();
            }
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the tests leave their screenshots (the working directory is the repository root). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {}

    /** Starts a browser with a fresh profile in that folder; quit it after the tests. */
    static WebDriver start(Path profile) {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is required: apt-get update && apt-get install -y chromium chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath(),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL"));
        WebDriver browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** The URLs the browser requested since the last call (its network log is read and emptied). */
    static List<String> requests(WebDriver browser) {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message = JSON.parse(entry.getMessage()).getObj("message");
            if (message.getString("method").equals("Network.requestWillBeSent")) {
                urls.add(message.getObj("params").getObj("request").getString("url"));
            }
        }
        return urls;
    }

    /** The console's messages since the last call, such as the browser's report of a blocked inline style. */
    static List<String> console(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    static Path screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
