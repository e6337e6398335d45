package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
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
    @RegisterExtension
    static final HeadlessChromium.Session CHROMIUM = new HeadlessChromium.Session();

    static Stream<ServedGraph> served() {
        return Stream.of(MEMORY, STORE);
    }

    @ParameterizedTest
    @MethodSource("served")
    void searchingIclouInTheBoxFindsICloudAndOpensItsPage(ServedGraph served) {
        String base = served.server().url();
        String where = served == MEMORY ? "memory" : "store";
        // start from another entity's page: the box is on every page
        CHROMIUM.browser().get(base + "id/organisation/apple");
        WebElement box = CHROMIUM.browser().findElement(By.id("search-box"));
        box.sendKeys("iclou");
        CHROMIUM.browser().findElement(By.id("search-button")).click();
        arrivingAt(base + "search?q=iclou");
        assertEquals(base + "search?q=iclou", CHROMIUM.browser().getCurrentUrl());
        assertEquals("Search: iclou — custody-kg", CHROMIUM.browser().getTitle());
        List<WebElement> hits = CHROMIUM.browser().findElements(By.cssSelector("#hits > li > a"));
        assertEquals(List.of("iCloud", "iCloud data centre in mainland China"), hits.stream().limit(2).map(WebElement::getText).toList());
        assertTrue(Files.isRegularFile(HeadlessChromium.screenshot(CHROMIUM.browser(), "search-iclou-" + where)));

        hits.get(0).click();
        arrivingAt(base + "id/service/icloud");
        assertEquals(base + "id/service/icloud", CHROMIUM.browser().getCurrentUrl());
        assertEquals("iCloud", CHROMIUM.browser().findElement(By.id("label")).getText());
        assertTrue(Files.isRegularFile(HeadlessChromium.screenshot(CHROMIUM.browser(), "search-icloud-page-" + where)));

        CHROMIUM.browser().get(base + "id/service/");
        assertEquals(List.of("Douyin", "Facebook social network", "FaceTime", "iCloud", "Instagram", "LinkedIn", "Messages",
                "Office 365", "TikTok", "WhatsApp", "Zoom"),
                CHROMIUM.browser().findElements(By.cssSelector("#entities > li > a")).stream().map(WebElement::getText).toList());
        CHROMIUM.browser().findElement(By.linkText("iCloud")).click();
        arrivingAt(base + "id/service/icloud");
        assertEquals(base + "id/service/icloud", CHROMIUM.browser().getCurrentUrl());
        assertTrue(Files.isRegularFile(HeadlessChromium.screenshot(CHROMIUM.browser(), "browse-services-" + where)));
    }

    /** Waits for the page a click leads to: the click returns before the browser has followed it. */
    private static void arrivingAt(String url) {
        new WebDriverWait(CHROMIUM.browser(), Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url));
    }
}
