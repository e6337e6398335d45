package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.custodykg.serve.BothStores.Store;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * iCloud's page in a real browser shows its access pictures inline, under the server's
 * Content-Security-Policy: the treaty route and its reviewer are read from the rendered SVG, and a
 * screenshot is kept in {@code target/screenshots/}; on the embedded graph and on a TDB2 store.
 */
class AccessPictureBrowserTest {
    @RegisterExtension
    static final BothStores STORES = new BothStores();
    @RegisterExtension
    static final HeadlessChromium.Session CHROMIUM = new HeadlessChromium.Session();

    @BeforeAll
    static void sizeTheWindow() {
        CHROMIUM.browser().manage().window().setSize(new Dimension(1280, 1600));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void iCloudsPageShowsTheTreatyRouteAndItsReviewer(Store store) {
        CHROMIUM.browser().get(STORES.url(store) + "id/service/icloud");
        assertEquals("iCloud — custody-kg", CHROMIUM.browser().getTitle());
        List<WebElement> pictures = CHROMIUM.browser().findElements(By.cssSelector("#access figure svg.access-picture"));
        assertEquals(2, pictures.size());
        WebElement hongKong = pictures.get(0);
        assertEquals("Hong Kong → iCloud: 1 route", hongKong.findElement(By.cssSelector("text.heading")).getText());
        List<WebElement> routes = hongKong.findElements(By.cssSelector("g.route"));
        assertEquals(1, routes.size());
        assertEquals("route open stated", routes.get(0).getAttribute("class"));
        assertEquals(List.of("through a treaty", "open · stated"), labels(routes.get(0), "door"));
        assertEquals(List.of("Mutual Legal Assistance Treaty", "between the United States and", "Hong Kong"),
                labels(routes.get(0), "instrument"));
        assertEquals(List.of("US Department of Justice"), labels(routes.get(0), "reviewer"));
        // the colours are presentation attributes, which the policy's style-src 'self' leaves in force
        assertEquals("rgb(233, 246, 236)", routes.get(0).findElement(By.cssSelector("rect")).getCssValue("fill"));
        WebElement mainland = pictures.get(1);
        assertEquals("Chinese government → iCloud: 1 route", mainland.findElement(By.cssSelector("text.heading")).getText());
        assertEquals("route open derived", mainland.findElement(By.cssSelector("g.route")).getAttribute("class"));

        new org.openqa.selenium.interactions.Actions(CHROMIUM.browser()).scrollToElement(hongKong).perform();
        HeadlessChromium.screenshot(CHROMIUM.browser(), "access-picture-icloud-" + store.name().toLowerCase());
    }

    private static List<String> labels(WebElement route, String role) {
        return route.findElement(By.cssSelector("g.box." + role)).findElements(By.cssSelector("text.label")).stream()
                .map(WebElement::getText).toList();
    }
}
