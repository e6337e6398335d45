package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hostile values from the data, in a real browser (headless Chromium via Selenium): a {@code javascript:}
 * IRI is shown, never a link, and no script from the data runs, on its page or in the query page's
 * answer; a credentialed request from another origin is refused by the browser, because the server
 * allows any origin only without credentials.
 */
class HostileValuesBrowserTest {
    private static final String DATA = """
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/custody-kg/id/service/hostile> a ckg:Service ;
                rdfs:label "Hostile <script>window.pwned = 1</script><img src=x onerror=\\"window.pwned = 2\\">"@en ;
                rdfs:seeAlso <javascript:window.pwned=3> , <https://example.org/fine> , <mailto:someone@example.org> ,
                    <data:text/html,hello> .
            """;

    private static CustodyGraph graph;
    private static CustodyServer server;
    @RegisterExtension
    static final HeadlessChromium.Session CHROMIUM = new HeadlessChromium.Session();

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("hostile.ttl"), DATA);
        graph = CustodyGraph.openDirectory(data, CustodyGraph.Options.trusted());
        server = CustodyServer.builder(graph).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (graph != null) {
            graph.close();
        }
    }

    @Test
    void aJavascriptIriIsNotALinkAndNoScriptFromTheDataRuns() {
        CHROMIUM.browser().get(server.url() + "id/service/hostile");
        List<String> links = CHROMIUM.browser().findElements(By.cssSelector("#facts a")).stream().map(a -> a.getAttribute("href")).toList();
        assertEquals(List.of("http://www.w3.org/2000/01/rdf-schema#seeAlso", "https://example.org/fine",
                "mailto:someone@example.org"), links.stream().sorted().toList());
        List<String> shown = CHROMIUM.browser().findElements(By.cssSelector("#facts code")).stream().map(WebElement::getText).sorted().toList();
        assertEquals(List.of("data:text/html,hello", "javascript:window.pwned=3"), shown);
        for (WebElement code : CHROMIUM.browser().findElements(By.cssSelector("#facts code"))) {
            code.click();
        }
        assertEquals(server.url() + "id/service/hostile", CHROMIUM.browser().getCurrentUrl());
        assertEquals(true, ((JavascriptExecutor) CHROMIUM.browser()).executeScript("return window.pwned === undefined"));
        assertThrows(NoAlertPresentException.class, () -> CHROMIUM.browser().switchTo().alert());
    }

    @Test
    void aHostileLabelInTheQueryPagesAnswerIsTextAndNoScriptRuns() {
        String query = "SELECT ?label WHERE { <https://w3id.org/custody-kg/id/service/hostile> "
                + "<http://www.w3.org/2000/01/rdf-schema#label> ?label }";
        CHROMIUM.browser().get(server.url() + "#query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        new WebDriverWait(CHROMIUM.browser(), Duration.ofSeconds(30)).until(d -> d.findElement(By.id("status")).getText().equals("1 row"));
        assertEquals("\"Hostile <script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">\"@en",
                CHROMIUM.browser().findElement(By.cssSelector("#yasgui table.dataTable tbody td:nth-child(2)")).getText());
        assertEquals(true, ((JavascriptExecutor) CHROMIUM.browser()).executeScript("return window.pwned === undefined"));
        assertThrows(NoAlertPresentException.class, () -> CHROMIUM.browser().switchTo().alert());
    }

    @Test
    void aCredentialedCrossOriginRequestIsRefusedAndAPlainOneAllowed() throws Exception {
        // a page on another origin: a second, plain server on another port
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><title>other origin</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            CHROMIUM.browser().get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            fetchFromOtherOrigin();
        } finally {
            other.stop(0);
        }
    }

    private void fetchFromOtherOrigin() {
        String url = server.url() + "ask/key-custody?format=csv";
        String script = "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: arguments[1]}).then(r => done('status ' + r.status), e => done('refused'));";
        JavascriptExecutor js = (JavascriptExecutor) CHROMIUM.browser();
        assertEquals("refused", js.executeAsyncScript(script, url, "include"));
        assertEquals("status 200", js.executeAsyncScript(script, url, "omit"));
    }
}
