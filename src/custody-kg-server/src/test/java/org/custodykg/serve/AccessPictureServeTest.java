package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.TestData;
import org.custodykg.present.RoutePicture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access picture over HTTP: {@code /access} with {@code Accept: image/svg+xml} and the service pages
 * send the picture the library draws, in memory and on a TDB2 store.
 */
class AccessPictureServeTest {
    private static final Optional<LocalDate> DAY = Optional.of(LocalDate.parse("2020-07-07"));
    private static final String HONG_KONG = CustodyKg.ID_BASE + "place/hong-kong";
    private static final String MAINLAND_CHINA = CustodyKg.ID_BASE + "place/mainland-china";

    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.ofDefault();

    @Test
    void accessAnswersTheSvgPictureByAccept() {
        for (String service : List.of("iCloud", "Messages", "TikTok")) {
            HttpResponse<String> response = SERVED.http().get("access?authority=Hong+Kong&service=" + service + "&asOf=2020-07-07",
                    "image/svg+xml");
            assertEquals(200, response.statusCode());
            assertEquals("image/svg+xml;charset=utf-8",
                    response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase());
            assertEquals(RoutePicture.svg(SERVED.graph().access("Hong Kong", service, DAY, false)), response.body(), service);
        }
        // a browser's image request prefers SVG among images; a plain */* still gets JSON
        assertEquals("image/svg+xml", contentType(SERVED.http().get("access?authority=Hong+Kong&service=iCloud",
                "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8")));
        assertEquals("application/json", contentType(SERVED.http().get("access?authority=Hong+Kong&service=iCloud", "*/*")));
    }

    @Test
    void aServicePageInlinesThePictureOfEachRegionItsUsersLiveIn() {
        String page = SERVED.http().get("id/service/icloud", "text/html").body();
        CustodyGraph graph = SERVED.graph();
        String hongKong = RoutePicture.svg(graph.access(HONG_KONG, CustodyKg.ID_BASE + "service/icloud", Optional.empty(), false));
        String mainland = RoutePicture.svg(graph.access(MAINLAND_CHINA, CustodyKg.ID_BASE + "service/icloud", Optional.empty(), false));
        assertEquals(List.of(hongKong, mainland), pictures(page));
        assertEquals(true, page.contains("<a href=\"/access?authority=https%3A%2F%2Fw3id.org%2Fcustody-kg%2Fid%2Fplace%2Fhong-kong"
                + "&amp;service=https%3A%2F%2Fw3id.org%2Fcustody-kg%2Fid%2Fservice%2Ficloud\">the answer as JSON</a>"), page);
        String tiktok = SERVED.http().get("id/service/tiktok", "text/html").body();
        assertEquals(List.of(), pictures(tiktok));
        assertEquals(true, tiktok.contains("<p>No fact names where TikTok's users live, so no authority is asked about.</p>"), tiktok);
        String apple = SERVED.http().get("id/organisation/apple", "text/html").body();
        assertEquals(false, apple.contains("Access paths"), apple);
    }

    @Test
    void aTdb2StoreServesTheSamePictures(@TempDir Path dir) {
        TestData.copyNamedGraphs(SERVED.graph().dataset(), dir);
        try (CustodyGraph store = CustodyGraph.openStore(dir)) {
            CustodyServer server = CustodyServer.builder(store).port(0).build().start();
            try {
                Http http = new Http(server);
                for (String service : List.of("iCloud", "Messages", "TikTok")) {
                    assertEquals(RoutePicture.svg(SERVED.graph().access("Hong Kong", service, DAY, false)),
                            http.get("access?authority=Hong+Kong&service=" + service + "&asOf=2020-07-07", "image/svg+xml").body(), service);
                }
                assertEquals(pictures(SERVED.http().get("id/service/icloud", "text/html").body()),
                        pictures(http.get("id/service/icloud", "text/html").body()));
            } finally {
                server.stop();
            }
        }
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElseThrow().split(";")[0];
    }

    /** The inline {@code <svg>} documents of a page, in order. */
    private static List<String> pictures(String page) {
        List<String> found = new java.util.ArrayList<>();
        for (int start = page.indexOf("<svg "); start >= 0; start = page.indexOf("<svg ", start + 1)) {
            found.add(page.substring(start, page.indexOf("</svg>\n", start) + "</svg>\n".length()));
        }
        return found;
    }
}
