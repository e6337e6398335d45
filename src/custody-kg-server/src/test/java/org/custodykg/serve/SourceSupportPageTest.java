package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An entity page counts the sources behind each fact, lists where they disagree, and charts a firm's requests. */
class SourceSupportPageTest {
    @BeforeAll
    static void start() {
        LinkedDataServletTest.start();
    }

    @AfterAll
    static void stop() {
        LinkedDataServletTest.stop();
    }

    private static String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = LinkedDataServletTest.get(path, "text/html");
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void facebooksPageShowsItsSourcesItsConflictsAndItsRequestsChart() throws Exception {
        String html = page("/id/organisation/facebook");
        // the corroboration question's rows, by label: the pause (6 independent sources), the mainland block (1),
        // the two disputed figures (3 each)
        assertEquals(List.of("6", "1", "3", "3"), all(html.substring(html.indexOf("<table id=\"support\">"),
                html.indexOf("</table>", html.indexOf("<table id=\"support\">"))), "</a></td><td>(\\d+)</td>"));
        String conflicts = html.substring(html.indexOf("<table id=\"conflicts\">"), html.indexOf("</table>", html.indexOf("<table id=\"conflicts\">")));
        assertEquals(List.of("202", "202", "223", "63", "63", "262"), all(conflicts, "</a></td><td>(\\d+)</td>"));
        String chart = html.substring(html.indexOf("<figure id=\"requests-chart\">"), html.indexOf("</figure>"));
        assertEquals(List.of("63", "262", "202", "223"), all(chart, "text-anchor=\"middle\">(\\d+)</text>"));
        assertEquals(4, all(chart, "(<rect class=\"bar disputed\")").size());
        assertEquals(List.of("2020-01 – 2020-06", "2020-07 – 2020-12"), all(chart, "font-size=\"10\" text-anchor=\"middle\">(\\d{4}-\\d{2} – \\d{4}-\\d{2})</text>"));
    }

    @Test
    void microsoftsChartHasOneBarAndICloudsPageNoSourcesSection() throws Exception {
        String microsoft = page("/id/organisation/microsoft");
        String chart = microsoft.substring(microsoft.indexOf("<figure id=\"requests-chart\">"), microsoft.indexOf("</figure>"));
        assertEquals(List.of("81"), all(chart, "text-anchor=\"middle\">(\\d+)</text>"));
        assertEquals(List.of("<rect class=\"bar\""), all(chart, "(<rect class=\"bar\")"));
        String icloud = page("/id/service/icloud");
        assertEquals(-1, icloud.indexOf("id=\"support\""));
        assertEquals(-1, icloud.indexOf("id=\"requests-chart\""));
    }
}
