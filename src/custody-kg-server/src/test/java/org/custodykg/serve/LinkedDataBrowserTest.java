package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/** The entity pages in a real browser: headless Chromium driven by Selenium. Fails if Chromium is absent. */
class LinkedDataBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static CustodyGraph graph;
    private static FusekiServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start(@TempDir Path profile) {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is required: apt-get update && apt-get install -y chromium chromium-driver");
        graph = CustodyGraph.openDefault();
        server = LinkedData.over(graph).addTo(FusekiServer.create().port(0).loopback(true)).build().start();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (graph != null) {
            graph.close();
        }
    }

    @Test
    void aPersonReadsICloudsPageAndFollowsTheLinkToApple() {
        String base = "http://127.0.0.1:" + server.getPort();
        browser.get(base + "/id/service/icloud");
        assertEquals("iCloud — custody-kg", browser.getTitle());
        assertEquals("iCloud", browser.findElement(By.id("label")).getText());
        assertEquals("https://w3id.org/custody-kg/id/service/icloud", browser.findElement(By.id("iri")).getText());
        assertEquals("A schema:Service, service.", browser.findElement(By.id("types")).getText());
        List<String> rows = browser.findElements(By.cssSelector("#facts tr")).stream().map(WebElement::getText).toList();
        assertEquals(List.of(
                "described in Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)",
                "prov:hadPrimarySource Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)",
                "provided by Apple",
                "schema:provider Apple",
                "skos:altLabel Apple iCloud, iCloud accounts"), rows);
        assertEquals(9, browser.findElements(By.cssSelector("#incoming > li")).size());

        browser.findElement(By.linkText("Apple")).click();
        assertEquals(base + "/id/organisation/apple", browser.getCurrentUrl());
        assertEquals("Apple", browser.findElement(By.id("label")).getText());
        assertEquals("https://w3id.org/custody-kg/id/organisation/apple", browser.findElement(By.id("iri")).getText());
        List<String> links = browser.findElements(By.cssSelector("#incoming > li > a")).stream().map(WebElement::getText).toList();
        assertTrue(links.contains("iCloud"), links.toString());
    }
}
