package org.custodykg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.load.Loader;
import org.custodykg.load.Validator;

/**
 * {@code custody import requests}: a transparency table of government data requests becomes facts of
 * one source document. Each row is a request-statistics fact of the company (the requests of the
 * row's country's government in the row's period); where the graph already holds that figure from
 * another source, the row becomes an attestation of it instead, giving the table's count, so the
 * figure keeps one node and the sources that agree or differ stand side by side. Nothing is written
 * unless every row reads and the new facts, with the graph, conform to the SHACL shapes; the facts go
 * to one new Turtle file, {@code DATA/SOURCE/requests-COMPANY.ttl}, never over an existing one.
 */
public final class RequestsImport {
    /** The classpath resource of the default column mapping, a CSVW metadata document. */
    public static final String DEFAULT_MAPPING = "org/custodykg/ingest/requests.csv-metadata.json";

    private static final String CKG = CustodyKg.ONTOLOGY_NS;
    private static final String ID = CustodyKg.ID_BASE;

    /** What was written: the file, and how many rows became new facts and how many attestations. */
    public record Result(Path file, int facts, int attestations) {}

    private RequestsImport() {}

    /**
     * Imports the table.
     *
     * @param graph the graph the names are resolved in and the new facts validated with
     * @param csv the table, UTF-8, a header row then one row per country and period
     * @param mapping a CSVW metadata document; the default mapping when empty
     * @param sourceId the source document the table comes from (a folder name under data/, described in sources.ttl)
     * @param company the firm whose report the table is, by name or IRI
     * @param dataDir the data folder to write into
     * @throws ArgumentException naming the option when the source or company is unknown, or the file exists
     * @throws DataException with file, row and column when a row is wrong, or listing the shapes' violations
     */
    public static Result run(CustodyGraph graph, Path csv, Optional<Path> mapping, String sourceId, String company, Path dataDir) {
        if (!Files.isRegularFile(csv)) {
            throw new ArgumentException("FILE", "no such file: " + csv);
        }
        Mapping columns = mapping.map(Mapping::read).orElseGet(RequestsImport::defaultMapping);
        Model data = graph.model();
        return Txn.calculateRead(graph.dataset(), () -> {
            Resource source = data.createResource(ID + "source/" + sourceId);
            if (!data.contains(source, RDF.type, data.createResource(CKG + "SourceDocument"))) {
                throw new ArgumentException("--source", "no source document " + sourceId
                        + " in the graph: describe it in data/sources.ttl first");
            }
            Node firm = resolve(graph, "--company", company, CKG + "Organisation");
            Path file = dataDir.resolve(sourceId).resolve("requests-" + localName(firm) + ".ttl");
            if (Files.exists(file)) {
                throw new ArgumentException("--into", file + " exists already: an import never overwrites a file");
            }
            List<Table.Row> rows = Table.read(csv, columns, names(graph, data));
            Model facts = ModelFactory.createDefaultModel();
            facts.setNsPrefixes(CustodyKg.prefixes());
            int attestations = 0;
            for (Table.Row row : rows) {
                Optional<Resource> known = knownFigure(data, firm, row);
                if (known.isPresent()) {
                    attest(facts, known.get(), source, row);
                    attestations++;
                } else {
                    state(facts, firm, source, row, graph);
                }
            }
            validate(graph, data, facts);
            write(facts, file);
            return new Result(file, rows.size() - attestations, attestations);
        });
    }

    private static Mapping defaultMapping() {
        try (InputStream in = RequestsImport.class.getClassLoader().getResourceAsStream(DEFAULT_MAPPING)) {
            return Mapping.read(in, DEFAULT_MAPPING);
        } catch (IOException e) {
            throw new IllegalStateException("the default mapping is missing from the jar", e);
        }
    }

    private static Node resolve(CustodyGraph graph, String option, String name, String classIri) {
        try {
            return graph.resolve(name, classIri);
        } catch (ArgumentException e) {
            throw new ArgumentException(option, e.getMessage().replaceFirst("^name: ", ""));
        }
    }

    /**
     * A country stands for its government: the authority of that jurisdiction that is a ckg:Authority and
     * nothing more specific (not a law-enforcement or reviewing authority).
     */
    private static Table.Names names(CustodyGraph graph, Model data) {
        Resource authority = data.createResource(CKG + "Authority");
        return new Table.Names() {
            @Override
            public Node authority(String country) {
                Node place;
                try {
                    place = graph.resolve(country, CKG + "Place");
                } catch (CustodyException e) {
                    throw new IllegalArgumentException("unknown country \"" + country + "\"");
                }
                return data.listSubjectsWithProperty(data.createProperty(CKG + "hasJurisdiction"), data.asRDFNode(place))
                        .filterKeep(a -> a.hasProperty(RDF.type, authority) && a.listProperties(RDF.type).toList().stream()
                                .map(t -> t.getResource()).noneMatch(t -> !t.equals(authority) && data.contains(t, RDFS.subClassOf, authority)))
                        .toList().stream().map(Resource::asNode).sorted((a, b) -> a.getURI().compareTo(b.getURI()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "the graph knows no government of \"" + country + "\""));
            }

            @Override
            public Node countedThing(String label) {
                try {
                    return graph.resolve(label, CKG + "CountedThing");
                } catch (CustodyException e) {
                    throw new IllegalArgumentException("unknown counted thing \"" + label + "\" (requests, accounts or devices)");
                }
            }
        };
    }

    /** The request-statistics fact the graph already holds for the same firm, authority, period and counted thing. */
    private static Optional<Resource> knownFigure(Model data, Node firm, Table.Row row) {
        Property target = data.createProperty(CKG + "targetOrganisation");
        return data.listSubjectsWithProperty(target, data.asRDFNode(firm)).toList().stream()
                .filter(f -> f.hasProperty(RDF.type, data.createResource(CKG + "RequestStatistics")))
                .filter(f -> f.hasProperty(data.createProperty(CKG + "requestingAuthority"), data.asRDFNode(row.authority())))
                .filter(f -> f.hasProperty(data.createProperty(CKG + "countedThing"), data.asRDFNode(row.countedThing())))
                .filter(f -> lexical(f, CKG + "periodStart").equals(row.periodStart()))
                .filter(f -> lexical(f, CKG + "periodEnd").equals(row.periodEnd()))
                .findFirst();
    }

    private static String lexical(Resource fact, String property) {
        Statement value = fact.getProperty(fact.getModel().createProperty(property));
        return value != null && value.getObject().isLiteral() ? value.getLiteral().getLexicalForm() : "";
    }

    private static void attest(Model facts, Resource fact, Resource source, Table.Row row) {
        String name = localName(source.asNode()) + "-" + fact.getLocalName().replaceFirst("^requests-", "");
        facts.createResource(ID + "attestation/" + name)
                .addProperty(RDF.type, facts.createResource(CKG + "Attestation"))
                .addProperty(RDFS.label, facts.createLiteral("Row " + row.line() + " of the table: " + row.count() + " for "
                        + fact.getLocalName(), "en"))
                .addProperty(facts.createProperty(CKG + "attests"), fact)
                .addProperty(facts.createProperty(CKG + "claimedProperty"), facts.createResource(CKG + "count"))
                .addLiteral(facts.createProperty(CKG + "claimedValue"), facts.createTypedLiteral(row.count()))
                .addProperty(facts.createProperty(CKG + "evidence"), row.evidence())
                .addProperty(facts.createProperty(CKG + "source"), source);
    }

    private static void state(Model facts, Node firm, Resource source, Table.Row row, CustodyGraph graph) {
        String name = "requests-" + localName(row.authority()).replaceFirst("-government$", "") + "-" + localName(firm)
                + "-" + row.periodStart() + "-" + row.periodEnd();
        Resource fact = facts.createResource(ID + "fact/" + name)
                .addProperty(RDF.type, facts.createResource(CKG + "RequestStatistics"))
                .addProperty(RDFS.label, facts.createLiteral(graph.label(row.authority()) + " requests to "
                        + graph.label(firm) + ", " + row.periodStart() + " to " + row.periodEnd() + ": " + row.count()
                        + " " + graph.label(row.countedThing()), "en"))
                .addProperty(facts.createProperty(CKG + "targetOrganisation"), facts.asRDFNode(firm))
                .addProperty(facts.createProperty(CKG + "requestingAuthority"), facts.asRDFNode(row.authority()))
                .addProperty(facts.createProperty(CKG + "periodStart"), row.periodStart(), XSDDatatype.XSDgYearMonth)
                .addProperty(facts.createProperty(CKG + "periodEnd"), row.periodEnd(), XSDDatatype.XSDgYearMonth)
                .addProperty(facts.createProperty(CKG + "countedThing"), facts.asRDFNode(row.countedThing()))
                .addLiteral(facts.createProperty(CKG + "count"), facts.createTypedLiteral(row.count()))
                .addProperty(facts.createProperty(CKG + "evidence"), row.evidence())
                .addProperty(facts.createProperty(CKG + "source"), source);
        row.percent().ifPresent(p -> fact.addLiteral(facts.createProperty(CKG + "percentDataProvided"),
                facts.createTypedLiteral(p.setScale(Math.max(1, p.scale())), XSDDatatype.XSDdecimal)));
    }

    /** The new facts, with the graph they join, must conform to the shapes. */
    private static void validate(CustodyGraph graph, Model data, Model facts) {
        Graph shapes = Loader.shapes(graph.layout());
        Model union = ModelFactory.createUnion(data, facts);
        List<String> violations = Validator.violations(union.getGraph(), shapes);
        if (!violations.isEmpty()) {
            throw new DataException("The imported facts do not conform to the shapes (" + violations.size()
                    + " violations):", violations);
        }
    }

    /** Writes the file whole or not at all: to a temporary file beside it, then moved into place. */
    private static void write(Model facts, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".import-", ".ttl");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    RDFDataMgr.write(out, facts, Lang.TURTLE);
                }
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private static String localName(Node iri) {
        String uri = iri.getURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
