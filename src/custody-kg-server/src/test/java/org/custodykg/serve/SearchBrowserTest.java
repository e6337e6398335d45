package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person searches in a real browser (Debian's headless Chromium, driven by Selenium) on a real server,
 * in memory and on a TDB2 store: types "iclou" in the box every page has, finds iCloud, opens its page.
 */
class SearchBrowserTest {
    @RegisterExtension
    static final ServedGraph MEMORY = ServedGraph.ofDefault();
    @RegisterExtension
    static final ServedGraph STORE = ServedGraph.onStore();
    private static WebDriver browser;

    static Stream<ServedGraph> served() {
        return Stream.of(MEMORY, STORE);
    }

    @BeforeAll
    static void start(@TempDir Path profile) {
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @MethodSource("served")
    void searchingIclouInTheBoxFindsICloudAndOpensItsPage(ServedGraph served) {
        String base = served.server().url();
        String where = served == MEMORY ? "memory" : "store";
        // start from another entity's page: the box is on every page
        browser.get(base + "id/organisation/apple");
        WebElement box = browser.findElement(By.id("search-box"));
        box.sendKeys("iclou");
        browser.findElement(By.id("search-button")).click();
        arrivingAt(base + "search?q=iclou");
        assertEquals(base + "search?q=iclou", browser.getCurrentUrl());
        assertEquals("Search: iclou — custody-kg", browser.getTitle());
        List<WebElement> hits = browser.findElements(By.cssSelector("#hits > li > a"));
        assertEquals(List.of("iCloud", "iCloud data centre in mainland China"), hits.stream().limit(2).map(WebElement::getText).toList());
        assertTrue(Files.isRegularFile(HeadlessChromium.screenshot(browser, "search-iclou-" + where)));

        hits.get(0).click();
        arrivingAt(base + "id/service/icloud");
        assertEquals(base + "id/service/icloud", browser.getCurrentUrl());
        assertEquals("iCloud", browser.findElement(By.id("label")).getText());
        assertTrue(Files.isRegularFile(HeadlessChromium.screenshot(browser, "search-icloud-page-" + where)));

        browser.get(base + "id/service/");
        assertEquals(List.of("Douyin", "Facebook social network", "FaceTime", "iCloud", "Instagram", "LinkedIn", "Messages",
                "Office 365", "TikTok", "WhatsApp", "Zoom"),
                browser.findElements(By.cssSelector("#entities > li > a")).stream().map(WebElement::getText).toList());
        browser.findElement(By.linkText("iCloud")).click();
        arrivingAt(base + "id/service/icloud");
        assertEquals(base + "id/service/icloud", browser.getCurrentUrl());
        assertTrue(Files.isRegularFile(HeadlessChromium.screenshot(browser, "browse-services-" + where)));
    }

    /** Waits for the page a click leads to: the click returns before the browser has followed it. */
    private static void arrivingAt(String url) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url));
    }
}
