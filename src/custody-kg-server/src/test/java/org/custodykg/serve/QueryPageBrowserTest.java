package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The query page in a real headless Chromium: pick an example question, ask it, read the table; run
 * the SPARQL editor. Chromium missing is a failure, not a skip (CI installs it).
 */
class QueryPageBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.ofDefault();
    static final CustodyServer server = SERVED.server();
    static Path profile;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is missing: apt-get install chromium chromium-driver");
        assertTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), CHROMEDRIVER + " is missing: apt-get install chromium-driver");
        profile = Files.createTempDirectory("custody-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static List<List<String>> table() {
        return browser.findElements(By.cssSelector("#table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private static List<String> header() {
        return browser.findElements(By.cssSelector("#table thead th")).stream().map(WebElement::getText).toList();
    }

    @Test
    void pickAnExampleQuestionAskItAndSeeTheRows() {
        browser.get(server.url());
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        new Select(browser.findElement(By.id("question"))).selectByValue("key-custody");
        assertEquals("Who holds the keys to a service's data, and where are the keys stored?",
                browser.findElement(By.id("question-text")).getText());
        assertEquals("iCloud", browser.findElement(By.id("param-service")).getDomProperty("value"));

        browser.findElement(By.id("ask")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().equals("1 row"));
        assertEquals(List.of("service", "serviceLabel", "dataCategoryLabel", "usersIn", "usersInLabel", "encryptionLabel",
                "keyHolder", "keyHolderLabel", "keysStoredIn", "keysStoredInLabel", "fact"), header());
        String id = SparqlProtocolTest.ID;
        assertEquals(List.of(List.of(id + "service/icloud", "iCloud", "cloud account data", id + "place/hong-kong",
                "Hong Kong", "encryption with provider-held keys", id + "organisation/apple", "Apple",
                id + "place/united-states", "United States", id + "fact/key-custody-icloud-hong-kong")), table());
    }

    @Test
    void runTheEditorsSparqlAndSeeErrors() {
        browser.get(server.url());
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        WebElement editor = browser.findElement(By.id("sparql"));
        editor.clear();
        editor.sendKeys("PREFIX ckg: <https://w3id.org/custody-kg/ontology#>\n"
                + "SELECT ?name WHERE { <https://w3id.org/custody-kg/id/organisation/apple> <http://www.w3.org/2000/01/rdf-schema#label> ?name }");
        browser.findElement(By.id("run")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().equals("1 row"));
        assertEquals(List.of("name"), header());
        assertEquals(List.of(List.of("Apple")), table());

        editor.clear();
        editor.sendKeys("SELECT * WHERE {");
        browser.findElement(By.id("run")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Error 400"));
        assertEquals("Error 400: Parse error: Encountered \"<EOF>\" at line 1, column 16.",
                browser.findElement(By.id("status")).getText().lines().findFirst().orElseThrow());
    }
}
