package org.custodykg.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.Entity;
import org.custodykg.Evidence;
import org.custodykg.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The access picture parsed as XML: its route lanes, labels, status and grade classes and colours, escaping. */
class RoutePictureTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Optional<LocalDate> DAY = Optional.of(LocalDate.parse("2020-07-07"));
    private static CustodyGraph graph;

    @BeforeAll
    static void open() {
        graph = CustodyGraph.openDefault();
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void iCloudInHongKongIsOneOpenStatedTreatyRouteReviewedByTheJusticeDepartment() throws Exception {
        Document svg = parse(RoutePicture.svg(graph.access("Hong Kong", "iCloud", DAY, false)));
        Element root = svg.getDocumentElement();
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        assertEquals("Access paths from Hong Kong to iCloud's data, as of 2020-07-07",
                child(root, "title").getTextContent());
        List<Element> routes = groups(root, "route");
        assertEquals(List.of("route open stated"), classes(routes));
        Element lane = routes.get(0);
        assertEquals(List.of("1. through a treaty: open, stated",
                "Hong Kong law enforcement", "authorities",
                "through a treaty", "open · stated",
                "under", "Mutual Legal Assistance Treaty", "between the United States and", "Hong Kong",
                "reviewed by", "US Department of Justice",
                "data held by", "Apple", "in United States",
                "keys held by", "Apple", "in United States",
                "the data", "iCloud", "cloud account data", "of users in Hong Kong"), texts(lane));
        assertEquals(List.of("authority", "door", "instrument", "reviewer", "custodian", "key-holder", "data"), boxRoles(lane));
        Element laneRect = child(lane, "rect");
        assertEquals("#e9f6ec", laneRect.getAttribute("fill"));
        assertEquals("#1a7f37", laneRect.getAttribute("stroke"));
        assertEquals("", laneRect.getAttribute("stroke-dasharray"));
        assertEquals("#6f42c1", child(box(lane, "reviewer"), "rect").getAttribute("stroke"));
        // authority to door, door to each holder, each holder to the data
        assertEquals(5, groups(lane, "arrow").size());
        assertEquals(List.of("Hong Kong → iCloud: 1 route", "as of 2020-07-07"), topTexts(root));
        assertEquals(List.of("status", "open: the data can be obtained", "blocked: an obstacle is in force", "closed: no route",
                "grade", "stated by a source", "derived from stated facts", "assumed: rests on a presumption",
                "boxes", "reviewed by", "routed via", "blocked by"), texts(groups(root, "legend").get(0)));
    }

    @Test
    void messagesHasTwoClosedRoutesAndTheBackUpRouteThroughICloud() throws Exception {
        Element root = parse(RoutePicture.svg(graph.access("Hong Kong", "Messages", DAY, false))).getDocumentElement();
        List<Element> routes = groups(root, "route");
        assertEquals(List.of("route closed derived", "route closed derived", "route open derived"), classes(routes));
        assertEquals("7 4", child(routes.get(0), "rect").getAttribute("stroke-dasharray"));
        assertEquals("#6b6b6b", child(routes.get(0), "rect").getAttribute("stroke"));
        assertEquals(List.of("1. no route: closed, derived", "Hong Kong government", "no route", "closed · derived",
                "keys held by", "the device owners", "the data", "Messages", "conversations", "of users in Hong Kong"),
                texts(routes.get(0)));
        assertEquals(List.of("authority", "door", "instrument", "reviewer", "through", "custodian", "key-holder", "data"),
                boxRoles(routes.get(2)));
        assertEquals(List.of("reached through", "the route to iCloud"), texts(box(routes.get(2), "through")));
        assertEquals(List.of("Hong Kong → Messages: 3 routes", "as of 2020-07-07"), topTexts(root));
    }

    @Test
    void linkedInIsBlockedAndRoutedViaTheUsGovernment() throws Exception {
        Element root = parse(RoutePicture.svg(graph.access("Hong Kong", "LinkedIn", DAY, false))).getDocumentElement();
        List<Element> routes = groups(root, "route");
        assertEquals(List.of("route blocked stated"), classes(routes));
        assertEquals("#b35c00", child(routes.get(0), "rect").getAttribute("stroke"));
        assertEquals(List.of("routed via", "US government"), texts(box(routes.get(0), "relay")));
        assertEquals(List.of("blocked by", "Microsoft paused processing Hong", "Kong authorities' data requests"),
                texts(box(routes.get(0), "obstacle")));
    }

    @Test
    void anAnswerWithoutRoutesSaysWhy() throws Exception {
        Element root = parse(RoutePicture.svg(graph.access("Hong Kong", "TikTok", DAY, false))).getDocumentElement();
        assertEquals(List.of(), groups(root, "route"));
        List<Element> none = groups(root, "no-route");
        assertEquals(1, none.size());
        assertEquals(List.of("why there is no route", "Hong Kong", "no route: no data held: no", "source says where TikTok's data",
                "is kept, who holds its keys or", "who runs it", "the data", "TikTok"), texts(none.get(0)));
        assertEquals(1, groups(none.get(0), "arrow").size());
        assertEquals(List.of("Hong Kong → TikTok: 0 routes", "as of 2020-07-07"), topTexts(root));
    }

    @Test
    void hostileLabelsAreEscapedAndTheDocumentStaysWellFormed() throws Exception {
        String hostile = "<script>alert('x')</script> & \"quoted\" ]]> \u0007bell";
        Entity term = new Entity("https://example.org/x", hostile);
        Entity open = new Entity(CustodyKg.ONTOLOGY_NS + "RouteOpen", "open");
        Entity stated = new Entity(CustodyKg.ONTOLOGY_NS + "Stated", "stated");
        AccessRoute route = new AccessRoute("https://example.org/route", term, stated, List.of(), open, LocalDate.parse("2020-07-07"),
                term, term, Optional.of(term), term, Optional.empty(), List.of(term), List.of(), List.of(term), List.of(), List.of(),
                List.of(), List.of(term), List.of(), List.<Evidence>of(), List.of(), List.of(), List.of(), List.of(), List.of());
        AccessAnswer answer = new AccessAnswer(term, term, LocalDate.parse("2020-07-07"), Optional.empty(), hostile, false,
                List.of(route), 0, Optional.empty());
        String text = RoutePicture.svg(answer);
        assertEquals(false, text.contains("<script"));
        Element root = parse(text).getDocumentElement();
        assertEquals(0, root.getElementsByTagNameNS(SVG_NS, "script").getLength());
        String shown = "<script>alert('x')</script> & \"quoted\" ]]> \uFFFDbell";
        assertEquals("Access paths from " + shown + " to " + shown + "'s data, " + shown, child(root, "title").getTextContent());
        assertEquals(List.of("reviewed by", "<script>alert('x')</script> &", "\"quoted\" ]]> \uFFFDbell"),
                texts(box(groups(root, "route").get(0), "reviewer")));
    }

    @Test
    void aTdb2StoreDrawsTheSamePicture(@TempDir Path temp) {
        Path dir = temp.resolve("store");
        TestData.copyNamedGraphs(graph.dataset(), dir);
        try (CustodyGraph store = CustodyGraph.openStore(dir)) {
            for (String service : List.of("iCloud", "Messages", "TikTok")) {
                assertEquals(RoutePicture.svg(graph.access("Hong Kong", service, DAY, false)),
                        RoutePicture.svg(store.access("Hong Kong", service, DAY, false)), service);
            }
        }
    }

    @Test
    void theDocsPictureIsTheICloudAnswer() throws IOException {
        assertEquals(RoutePicture.svg(graph.access("Hong Kong", "iCloud", DAY, false)),
                Files.readString(Path.of("docs/access-icloud-hong-kong.svg")),
                "docs/access-icloud-hong-kong.svg is out of date: write it again with"
                        + " ./custody access --authority \"Hong Kong\" --service iCloud --as-of 2020-07-07 --format svg");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** The {@code <g>} elements anywhere below whose class list starts with that class. */
    static List<Element> groups(Element under, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = under.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if ((g.getAttribute("class") + " ").startsWith(cssClass + " ")) {
                found.add(g);
            }
        }
        return found;
    }

    private static Element box(Element lane, String role) {
        return groups(lane, "box").stream().filter(b -> b.getAttribute("class").equals("box " + role)).findFirst().orElseThrow();
    }

    private static List<String> boxRoles(Element lane) {
        return groups(lane, "box").stream().map(b -> b.getAttribute("class").substring("box ".length())).toList();
    }

    private static List<String> classes(List<Element> elements) {
        return elements.stream().map(e -> e.getAttribute("class")).toList();
    }

    /** The text of every {@code <text>} below, in document order. */
    static List<String> texts(Element under) {
        List<String> found = new ArrayList<>();
        NodeList all = under.getElementsByTagNameNS(SVG_NS, "text");
        for (int i = 0; i < all.getLength(); i++) {
            found.add(all.item(i).getTextContent());
        }
        return found;
    }

    /** The texts directly under the root: the heading and the notes. */
    private static List<String> topTexts(Element root) {
        List<String> found = new ArrayList<>();
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("text")) {
                found.add(e.getTextContent());
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }
}
