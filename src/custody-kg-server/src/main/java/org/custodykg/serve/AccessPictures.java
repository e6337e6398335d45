package org.custodykg.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.custodykg.AccessAnswer;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.present.RoutePicture;

/**
 * The section of a service's page that shows who can get at its data: for each region the data names
 * for the service's users (a fact's {@code ckg:usersIn}, or the region of a {@code ckg:ServiceOperation}),
 * the access picture of that region's authorities, inline, as {@code /access} draws it.
 */
final class AccessPictures {
    private static final Node SERVICE_CLASS = ckg("Service");
    private static final Node SERVICE = ckg("service");
    private static final Node USERS_IN = ckg("usersIn");
    private static final Node REGION = ckg("region");
    private static final Node OPERATION = ckg("ServiceOperation");

    private AccessPictures() {}

    private static Node ckg(String local) {
        return NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + local);
    }

    /** Appends the section when the subject is a service; nothing otherwise (inside a read transaction). */
    static void section(Html html, CustodyGraph graph, Graph union, Node subject, String contextPath) {
        if (!union.contains(subject, RDF.type.asNode(), SERVICE_CLASS)) {
            return;
        }
        html.raw("<h2>Access paths</h2>\n<div id=\"access\">\n");
        List<Node> regions = usersRegions(union, subject, html);
        if (regions.isEmpty()) {
            html.raw("<p>No fact names where ").text(html.label(subject)).raw("'s users live, so no authority is asked about.</p>\n");
        }
        for (Node region : regions) {
            AccessAnswer answer;
            try {
                answer = graph.access(region.getURI(), subject.getURI(), Optional.empty(), false);
            } catch (ArgumentException noAuthorityThere) {
                continue;
            }
            String query = "authority=" + URLEncoder.encode(region.getURI(), StandardCharsets.UTF_8)
                    + "&service=" + URLEncoder.encode(subject.getURI(), StandardCharsets.UTF_8);
            html.raw("<figure class=\"access\">\n").raw(RoutePicture.svg(answer)).raw("<figcaption>Access by the authorities of ")
                    .term(region).raw(", a region of ").text(html.label(subject)).raw("'s users (")
                    .raw("<a href=\"").text(contextPath + "/access?" + query).raw("\">the answer as JSON</a>).</figcaption>\n</figure>\n");
        }
        html.raw("</div>\n");
    }

    private static List<Node> usersRegions(Graph union, Node service, Html html) {
        TreeSet<Node> regions = new TreeSet<>(Comparator.comparing(html::label).thenComparing(Node::getURI));
        union.find(Node.ANY, SERVICE, service).forEachRemaining(t -> {
            Node fact = t.getSubject();
            union.find(fact, USERS_IN, Node.ANY).forEachRemaining(u -> add(regions, u.getObject()));
            if (union.contains(fact, RDF.type.asNode(), OPERATION)) {
                union.find(fact, REGION, Node.ANY).forEachRemaining(r -> add(regions, r.getObject()));
            }
        });
        return List.copyOf(regions);
    }

    private static void add(TreeSet<Node> regions, Node place) {
        if (place.isURI()) {
            regions.add(place);
        }
    }
}
