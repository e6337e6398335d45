package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;

/**
 * The linked-data side of the server: entity IRIs that resolve ({@code /id/…}), the listings of them by
 * kind ({@code /id/}, {@code /id/service/}), search ({@code /search?q=…}), the ontology
 * ({@code /ontology}, its terms, its JSON-LD context), the dumps ({@code /dumps/custody-kg.nq} …) and the
 * VoID description ({@code /.well-known/void}). Mount them on a Fuseki server with {@link #addTo} or
 * one by one from {@link #servlets()}.
 *
 * <p>Data IRIs are minted under a public base (by default {@link CustodyKg#BASE}); the server answers
 * for them at its own address: {@code http://127.0.0.1:PORT/id/service/icloud} describes
 * {@code <https://w3id.org/custody-kg/id/service/icloud>}. RDF keeps the canonical IRIs; HTML links
 * point at the local pages.
 */
public final class LinkedData {
    private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();

    private LinkedData(CustodyGraph graph, String publicBase) {
        OntologyServlet ontology = new OntologyServlet(graph.dataset(), publicBase);
        servlets.put("/id/*", new LinkedDataServlet(graph, publicBase, publicBase + "id/", new BrowsePages(graph, publicBase)));
        servlets.put("/ontology", ontology);
        for (Representation r : Representation.values()) {
            servlets.put("/ontology." + r.suffix(), ontology);
        }
        servlets.put(OntologyServlet.CONTEXT_PATH, ontology);
        servlets.put("/ontology/*", new LinkedDataServlet(graph, publicBase, publicBase + "ontology#", null));
        servlets.put("/dumps/*", new DumpServlet(graph));
        VoidServlet description = new VoidServlet(graph, publicBase);
        servlets.put(VoidServlet.PATH, description);
        for (Representation r : Representation.values()) {
            servlets.put(VoidServlet.PATH + "." + r.suffix(), description);
        }
        servlets.put("/search", new SearchServlet(graph, publicBase));
    }

    /** The linked-data servlets for the graph, with IRIs under {@link CustodyKg#BASE}. */
    public static LinkedData over(CustodyGraph graph) {
        return over(graph, CustodyKg.BASE);
    }

    /**
     * The linked-data servlets for a graph whose IRIs are minted under another public base.
     *
     * @param publicBase the base the data's IRIs start with, ending in {@code /}
     * @throws IllegalArgumentException if the base does not end in {@code /}
     */
    public static LinkedData over(CustodyGraph graph, String publicBase) {
        if (!publicBase.endsWith("/")) {
            throw new IllegalArgumentException("publicBase: expected an IRI ending in '/', but got " + publicBase);
        }
        return new LinkedData(graph, publicBase);
    }

    /** Path spec to servlet, in the order to register them (read-only). */
    public Map<String, HttpServlet> servlets() {
        return Collections.unmodifiableMap(servlets);
    }

    /** Registers every servlet on the builder; returns the builder. */
    public FusekiServer.Builder addTo(FusekiServer.Builder builder) {
        servlets.forEach(builder::addServlet);
        return builder;
    }
}
