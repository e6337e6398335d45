package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.custodykg.serve.BothStores.Store;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The entity pages and the dataset's page in a real browser (headless Chromium driven by Selenium), on
 * the embedded graph and on a TDB2 store: labels, not IRIs; what the inferred graph repeats shown once;
 * the facts grouped as a reader asks; a firm's stances by date; a link to the query page that runs.
 */
class LinkedDataBrowserTest {
    private static final String SOURCE = "Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)";

    @RegisterExtension
    static final BothStores STORES = new BothStores();
    @RegisterExtension
    static final HeadlessChromium.Session CHROMIUM = new HeadlessChromium.Session();

    private static List<String> texts(String css) {
        return CHROMIUM.browser().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aPersonReadsICloudsPageAndFollowsTheLinkToApple(Store store) {
        String base = STORES.url(store);
        CHROMIUM.browser().get(base + "id/service/icloud");
        assertEquals("iCloud — custody-kg", CHROMIUM.browser().getTitle());
        assertEquals("iCloud", CHROMIUM.browser().findElement(By.id("label")).getText());
        assertEquals("https://w3id.org/custody-kg/id/service/icloud", CHROMIUM.browser().findElement(By.id("iri")).getText());
        // ckg:Service only: its super-class schema:Service, added by inference, is folded
        assertEquals("A service.", CHROMIUM.browser().findElement(By.id("types")).getText());
        // five rows before folding: prov:hadPrimarySource and schema:provider repeated described in and provided by
        assertEquals(List.of("described in " + SOURCE, "provided by Apple", "skos:altLabel Apple iCloud, iCloud accounts"),
                texts("#facts tr"));
        assertEquals(List.of("Apple holds the keys to Hong Kong users' iCloud data, in the United States",
                "Hong Kong users' iCloud accounts can hold back-ups of their Messages chats",
                "Hong Kong users' iCloud data is stored in the United States",
                "Mainland Chinese users' iCloud files are stored in a data centre controlled by a local firm"),
                texts("#custody > li > a"));
        assertEquals(List.of("data category cloud account data", "encryption encryption with provider-held keys",
                "key holder Apple", "keys stored in United States", "users in Hong Kong"), texts("#custody > li:first-child tr"));
        assertEquals(List.of("— " + SOURCE), texts("#custody > li:first-child .source"));
        assertEquals(List.of("The Chinese government can seek mainland users' iCloud files without involving the US authorities"),
                texts("#routes > li > a"));
        assertEquals(List.of("data category user files", "requesting authority Chinese government",
                "target organisation unnamed local firm controlling the iCloud data centre in mainland China",
                "users in mainland China"), texts("#routes > li tr"));
        assertEquals(List.of("Apple — provides"), texts("#incoming > li"));
        HeadlessChromium.screenshot(CHROMIUM.browser(), "entity-page-icloud-" + store.name().toLowerCase());

        CHROMIUM.browser().findElement(By.linkText("Apple")).click();
        assertEquals(base + "id/organisation/apple", CHROMIUM.browser().getCurrentUrl());
        assertEquals("Apple", CHROMIUM.browser().findElement(By.id("label")).getText());
        assertEquals("A company.", CHROMIUM.browser().findElement(By.id("types")).getText());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aFirmsPageShowsItsStancesByDateWithTheirSources(Store store) {
        CHROMIUM.browser().get(STORES.url(store) + "id/organisation/tiktok");
        assertEquals(List.of("by 2020-07-07", "by 2020-07-07"), texts("#timeline > li > time"));
        assertEquals(List.of("TikTok plans to exit Hong Kong within days",
                "TikTok said it would not comply with Chinese government requests for its users' data"), texts("#timeline > li > a"));
        // ckg:region and its super-property schema:areaServed, once
        assertEquals(List.of("planned true", "region Hong Kong", "service TikTok", "stance type market exit",
                "time as stated within days"), texts("#timeline > li:first-child tr"));
        assertEquals(List.of("TikTok - which is owned by the Chinese firm Bytedance - has said it plans to exit Hong Kong within days."),
                texts("#timeline > li:first-child blockquote"));
        assertEquals(List.of("— " + SOURCE, "— " + SOURCE), texts("#timeline > li > .source"));
        assertEquals(List.of("Bytedance — has subsidiary", "TikTok — provided by", "TikTok: plans to exit Hong Kong within days — stated by",
                "TikTok: would not comply with Chinese government requests — stated by"), texts("#incoming > li"));
        HeadlessChromium.screenshot(CHROMIUM.browser(), "entity-page-tiktok-" + store.name().toLowerCase());
    }

    /**
     * Facebook's page as a reader sees it: how many independent sources support each fact, where they
     * disagree (both figures kept, each with its source), and the requests chart drawn by the server, with
     * the disputed half-years' bars side by side.
     */
    @ParameterizedTest
    @EnumSource(Store.class)
    void aFirmsPageShowsItsSourcesTheirDisagreementsAndItsRequestsChart(Store store) {
        CHROMIUM.browser().get(STORES.url(store) + "id/organisation/facebook");
        assertEquals(List.of("6", "1", "3", "3"), texts("#support tr > td:nth-child(2)"));
        assertEquals(List.of("202", "202", "223", "63", "63", "262"), texts("#conflicts tr > td:nth-child(3)"));
        assertEquals(List.of("63", "262", "202", "223"),
                texts("#requests-chart svg text[text-anchor='middle']").stream().filter(t -> t.matches("\\d+")).toList());
        assertEquals(4, CHROMIUM.browser().findElements(By.cssSelector("#requests-chart svg rect.bar.disputed")).size());
        HeadlessChromium.screenshot(CHROMIUM.browser(), "entity-page-facebook-" + store.name().toLowerCase());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void theQueryLinkRunsTheEntitysFactsOnTheQueryPage(Store store) {
        CHROMIUM.browser().get(STORES.url(store) + "id/service/icloud");
        CHROMIUM.browser().findElement(By.id("query")).click();
        String status = new WebDriverWait(CHROMIUM.browser(), Duration.ofSeconds(30)).until(d -> {
            String text = d.findElement(By.id("status")).getText();
            return text.endsWith(" rows") ? text : null;
        });
        assertEquals("9 rows", status);
        assertEquals(ResourcePage.factsQuery(NodeFactory.createURI("https://w3id.org/custody-kg/id/service/icloud")),
                ((JavascriptExecutor) CHROMIUM.browser()).executeScript("return yasgui.getTab().getYasqe().getValue()"));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aboutTheDatasetIsAPageMadeFromTheVoidDescription(Store store) {
        String base = STORES.url(store);
        CHROMIUM.browser().get(base + "id/service/icloud");
        CHROMIUM.browser().findElement(By.linkText("about the dataset")).click();
        assertEquals(base + ".well-known/void.html", CHROMIUM.browser().getCurrentUrl());
        assertEquals("custody-kg", CHROMIUM.browser().findElement(By.id("label")).getText());
        assertEquals(List.of("Licence https://creativecommons.org/licenses/by/4.0/", "Triples 3183",
                "SPARQL endpoint https://w3id.org/custody-kg/sparql", "Entity IRIs start with https://w3id.org/custody-kg/id/",
                "Vocabulary https://w3id.org/custody-kg/ontology#"), texts("#dataset tr"));
        assertEquals(List.of("Graph Triples",
                "https://w3id.org/custody-kg/graph/inferred 631",
                "https://w3id.org/custody-kg/graph/ontology 1411",
                "https://w3id.org/custody-kg/graph/source/ap-2020-07-06-hong-kong-user-data 26",
                "https://w3id.org/custody-kg/graph/source/appledaily-2021-06-09-facebook-requests 21",
                "https://w3id.org/custody-kg/graph/source/bbc-2020-07-07-hong-kong-data-pause 677",
                "https://w3id.org/custody-kg/graph/source/businessgurus-2020-07-07-tiktok-exit 12",
                "https://w3id.org/custody-kg/graph/source/dw-2020-07-07-user-data-requests 37",
                "https://w3id.org/custody-kg/graph/source/hkfp-2020-07-05-telegram-data-requests 12",
                "https://w3id.org/custody-kg/graph/source/hkfp-2021-05-08-hong-kong-user-data-requests 19",
                "https://w3id.org/custody-kg/graph/source/hkfp-2021-06-08-facebook-refused-requests 30",
                "https://w3id.org/custody-kg/graph/source/latimes-2020-07-06-hong-kong-data-requests 39",
                "https://w3id.org/custody-kg/graph/source/nationalpost-2020-07-07-hong-kong-data-requests 36",
                "https://w3id.org/custody-kg/graph/source/netimperative-2020-07-07-hong-kong-police-help 10",
                "https://w3id.org/custody-kg/graph/source/rfa-2021-06-08-facebook-user-data-requests 21",
                "https://w3id.org/custody-kg/graph/source/scmp-2020-07-07-microsoft-zoom-pause 20",
                "https://w3id.org/custody-kg/graph/source/sputnik-2020-07-07-zoom-data-requests 21",
                "https://w3id.org/custody-kg/graph/source/taiwannews-2020-07-06-telegram 7",
                "https://w3id.org/custody-kg/graph/source/verge-2020-07-06-hong-kong-data-requests 28",
                "https://w3id.org/custody-kg/graph/sources 125"), texts("#graphs tr"));
        assertEquals(List.of("custody-kg.jsonld (application/ld+json)", "custody-kg.nq (application/n-quads)",
                "custody-kg.nt (application/n-triples)", "custody-kg.rdf (application/rdf+xml)", "custody-kg.trig (application/trig)",
                "custody-kg.ttl (text/turtle)"), texts("#dumps > li"));
        List<String> sources = texts("#sources > li");
        // the sixteen source documents, by title; the seed article among them
        assertEquals(16, sources.size(), sources.toString());
        assertEquals(List.of("Apple Daily's report of Facebook's Hong Kong request figures (Apple Daily, 9 June 2021)",
                "Facebook Turned Down Hundreds of User Data Requests From Hong Kong (Radio Free Asia, 8 June 2021)"), sources.subList(0, 2));
        assertTrue(sources.contains(SOURCE), sources.toString());
        assertEquals(base + "dumps/custody-kg.nq", CHROMIUM.browser().findElement(By.linkText("custody-kg.nq")).getAttribute("href"));
        HeadlessChromium.screenshot(CHROMIUM.browser(), "void-page-" + store.name().toLowerCase());
    }
}
