package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.custodykg.serve.BothStores.Store;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The query page in a real headless Chromium, against a server on the embedded graph and one on a TDB2
 * store: the editor's answer links to entity pages, sorts and pages, has a permalink that runs it again;
 * a named question is asked with its parameters; nothing is fetched from any host but the server.
 * Chromium missing is a failure, not a skip (CI installs it).
 */
class QueryPageBrowserTest {
    /** 2,000 rows, "0000" to "1999", in no particular order. */
    static final String TWO_THOUSAND = "SELECT ?n WHERE { VALUES ?a {0 1 2 3 4 5 6 7 8 9} VALUES ?b {0 1 2 3 4 5 6 7 8 9} "
            + "VALUES ?c {0 1 2 3 4 5 6 7 8 9} VALUES ?d {0 1} BIND(CONCAT(STR(?d), STR(?a), STR(?b), STR(?c)) AS ?n) }";

    @RegisterExtension
    static final BothStores STORES = new BothStores();
    @RegisterExtension
    static final HeadlessChromium.Session CHROMIUM = new HeadlessChromium.Session();

    private static WebDriverWait waiting() {
        return new WebDriverWait(CHROMIUM.browser(), Duration.ofSeconds(30));
    }

    private static String permalink(Store store, String query) {
        return STORES.url(store) + "#query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Opens the page and waits until it is ready and, if the address carries a query, answered. */
    private static void open(String url) {
        CHROMIUM.browser().get("about:blank");
        CHROMIUM.browser().get(url);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        if (url.contains("#query=")) {
            waitForRows();
        }
    }

    private static String waitForRows() {
        return waiting().until(d -> {
            String status = d.findElement(By.id("status")).getText();
            return status.matches("\\d+ (rows?|triples?)") || status.startsWith("Error") ? status : null;
        });
    }

    /** The rows shown, without the row-number column, read in one go (the table is redrawn as it sorts). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> table() {
        return (List<List<String>>) script("return Array.from(document.querySelectorAll('#yasgui .yasr table.dataTable tbody tr'))"
                + ".map(row => Array.from(row.querySelectorAll('td')).slice(1).map(cell => cell.innerText))");
    }

    /** Waits until the first row shown is that one. */
    private static void firstRowBecomes(String value) {
        waiting().until(d -> !table().isEmpty() && table().get(0).equals(List.of(value)));
    }

    private static List<String> header() {
        return CHROMIUM.browser().findElements(By.cssSelector("#yasgui .yasr table.dataTable thead th")).stream().skip(1)
                .map(WebElement::getText).toList();
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) CHROMIUM.browser()).executeScript(js, args);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aResultCellLinksToItsEntityPage(Store store) {
        String url = STORES.url(store);
        open(permalink(store, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?firm WHERE { ?firm rdfs:label ?name FILTER(STR(?name) = \"Apple\") }"));
        assertEquals("1 row", CHROMIUM.browser().findElement(By.id("status")).getText());
        assertEquals(List.of("firm"), header());
        assertEquals(List.of(List.of("organisation:apple")), table());
        WebElement link = CHROMIUM.browser().findElement(By.cssSelector("#yasgui .yasr table.dataTable tbody td a"));
        assertEquals(url + "id/organisation/apple", link.getAttribute("href"));
        link.click();
        waiting().until(d -> d.getCurrentUrl().equals(url + "id/organisation/apple"));
        assertEquals("Apple", CHROMIUM.browser().findElement(By.id("label")).getText());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void twoThousandRowsSortAndPage(Store store) {
        open(permalink(store, TWO_THOUSAND));
        assertEquals("2000 rows", CHROMIUM.browser().findElement(By.id("status")).getText());
        assertEquals(50, table().size());
        WebElement sort = CHROMIUM.browser().findElement(By.cssSelector("#yasgui .yasr table.dataTable thead th[data-dt-column='1'] .dt-column-order"));
        sort.click();
        firstRowBecomes("0000");
        assertEquals(List.of("0049"), table().get(49));
        sort.click();
        firstRowBecomes("1999");
        assertEquals(List.of("1950"), table().get(49));
        CHROMIUM.browser().findElement(By.cssSelector("#yasgui .yasr .dt-paging button.next")).click();
        firstRowBecomes("1949");
        assertEquals(List.of("1900"), table().get(49));
        assertEquals(50, table().size());
        HeadlessChromium.screenshot(CHROMIUM.browser(), "query-page-2000-rows-" + store.name().toLowerCase());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void thePermalinkRunsTheQueryAgain(Store store) {
        open(STORES.url(store));
        script("yasgui.getTab().getYasqe().setValue(arguments[0])", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?name WHERE { <https://w3id.org/custody-kg/id/organisation/apple> rdfs:label ?name }");
        CHROMIUM.browser().findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        assertEquals("1 row", waitForRows());
        assertEquals(List.of(List.of("\"Apple\"@en")), table());
        String permalink = CHROMIUM.browser().findElement(By.id("permalink")).getAttribute("href");
        open(permalink);
        assertEquals("1 row", CHROMIUM.browser().findElement(By.id("status")).getText());
        assertEquals(List.of(List.of("\"Apple\"@en")), table());
        assertEquals("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?name WHERE { <https://w3id.org/custody-kg/id/organisation/apple> rdfs:label ?name }",
                script("return yasgui.getTab().getYasqe().getValue()"));
    }

    @Test
    void theEditorCompletesTheOntologysTermsFromTheServer() {
        open(STORES.url(Store.MEMORY));
        assertEquals(List.of("ckg:KeyCustody"), completions("?s a ckg:KeyCus"));
        assertEquals(List.of("ckg:keyHolder", "ckg:keyLocation", "ckg:keysStoredIn"), completions("?s ckg:key"));
    }

    /** The editor's completions at the end of that line (after the ckg prefix); the terms arrive from the server. */
    @SuppressWarnings("unchecked")
    private static List<String> completions(String line) {
        script("const yasqe = yasgui.getTab().getYasqe();"
                + "yasqe.setValue('PREFIX ckg: <https://w3id.org/custody-kg/ontology#>\\nSELECT * WHERE { ' + arguments[0]);"
                + "yasqe.focus(); yasqe.setCursor(1, yasqe.getLine(1).length);", line);
        return waiting().until(d -> {
            script("yasgui.getTab().getYasqe().autocomplete()");
            List<String> hints = (List<String>) script("return Array.from(document.querySelectorAll('.CodeMirror-hints li'))"
                    + ".map(li => li.innerText)");
            return hints.isEmpty() ? null : hints;
        });
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aGraphAnswerReplacesTheTableAndShowsItsTurtleLineByLine(Store store) throws Exception {
        String describe = "DESCRIBE <https://w3id.org/custody-kg/id/organisation/apple>";
        open(permalink(store, TWO_THOUSAND));
        open(permalink(store, describe));
        assertEquals("15 triples", CHROMIUM.browser().findElement(By.id("status")).getText());
        assertEquals(15, table().size());
        CHROMIUM.browser().findElement(By.cssSelector("#yasgui .yasr .select_response")).click();
        String shown = waiting().until(d -> (String) script("const view = document.querySelector('#yasgui .yasr .CodeMirror');"
                + "return view ? view.CodeMirror.getValue() : null"));
        String turtle = STORES.http(store).query(describe, "text/turtle").body();
        // the server's Turtle as it is, line by line in an editor view, not run together in a paragraph
        assertEquals(turtle, shown);
    }

    @Test
    void aNamedQuestionIsAskedWithItsParametersAndAnErrorReplacesTheTable() {
        open(STORES.url(Store.MEMORY));
        new Select(CHROMIUM.browser().findElement(By.id("question"))).selectByValue("key-custody");
        assertEquals("Who holds the keys to a service's data, and where are the keys stored?",
                CHROMIUM.browser().findElement(By.id("question-text")).getText());
        assertEquals("iCloud", CHROMIUM.browser().findElement(By.id("param-service")).getDomProperty("value"));
        CHROMIUM.browser().findElement(By.id("ask")).click();
        assertEquals("1 row", waitForRows());
        assertEquals(List.of("service", "serviceLabel", "dataCategoryLabel", "usersIn", "usersInLabel", "encryptionLabel",
                "keyHolder", "keyHolderLabel", "keysStoredIn", "keysStoredInLabel", "fact"), header());
        assertEquals(List.of(List.of("service:icloud", "iCloud", "cloud account data", "place:hong-kong",
                "Hong Kong", "encryption with provider-held keys", "organisation:apple", "Apple",
                "place:united-states", "United States", "fact:key-custody-icloud-hong-kong")), table());
        CHROMIUM.browser().manage().window().setSize(new Dimension(1600, 1300));
        HeadlessChromium.screenshot(CHROMIUM.browser(), "query-page");
        CHROMIUM.browser().manage().window().setSize(new Dimension(1280, 1000));

        script("yasgui.getTab().getYasqe().setValue(arguments[0])", "SELECT * WHERE {");
        CHROMIUM.browser().findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        assertEquals("Error: Parse error: Encountered \"<EOF>\" at line 1, column 16.", waitForRows().lines().findFirst().orElseThrow());
        assertEquals(List.of(), table());
    }

    @Test
    void thePageFetchesNothingButFromTheServerAndBreaksNoRuleOfItsPolicy() {
        String url = STORES.url(Store.MEMORY);
        HeadlessChromium.requests(CHROMIUM.browser());
        HeadlessChromium.console(CHROMIUM.browser());
        open(permalink(Store.MEMORY, TWO_THOUSAND));
        List<String> requests = HeadlessChromium.requests(CHROMIUM.browser()).stream().filter(r -> !r.equals("about:blank")).toList();
        assertEquals(List.of(), requests.stream().filter(r -> !r.startsWith(url)).toList());
        // the page, its four files, the named questions, the ontology's terms for completion, and the answer
        assertEquals(List.of(url, url + "ask", url + "sparql", url + "sparql", url + "web/app.js", url + "web/style.css",
                url + "web/yasgui/yasgui.min.css", url + "web/yasgui/yasgui.min.js"), requests.stream().sorted().toList());
        assertEquals(List.of(), HeadlessChromium.console(CHROMIUM.browser()));
        HeadlessChromium.screenshot(CHROMIUM.browser(), "query-page-offline");
    }
}
