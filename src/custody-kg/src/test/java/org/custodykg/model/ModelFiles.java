package org.custodykg.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;

/**
 * Loads the repository's ontology, shapes and data for the tests (run with the repository root as the
 * working directory). Every file is parsed strictly: a warning fails the parse just like an error.
 */
final class ModelFiles {

    static final Path ONTOLOGY_DIR = Path.of("ontology");
    static final Path DATA_DIR = Path.of("data");
    static final Path ONTOLOGY = ONTOLOGY_DIR.resolve("custody.ttl");
    static final Path SHAPES = ONTOLOGY_DIR.resolve("shapes.ttl");

    static final String PREFIXES = String.join("\n",
            "PREFIX ckg: <https://w3id.org/custody-kg/ontology#>",
            "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>",
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
            "PREFIX owl: <http://www.w3.org/2002/07/owl#>",
            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>",
            "PREFIX dct: <http://purl.org/dc/terms/>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "PREFIX organisation: <https://w3id.org/custody-kg/id/organisation/>",
            "PREFIX place: <https://w3id.org/custody-kg/id/place/>",
            "PREFIX service: <https://w3id.org/custody-kg/id/service/>",
            "PREFIX group: <https://w3id.org/custody-kg/id/group/>",
            "PREFIX person: <https://w3id.org/custody-kg/id/person/>",
            "PREFIX law: <https://w3id.org/custody-kg/id/law/>",
            "PREFIX fact: <https://w3id.org/custody-kg/id/fact/>",
            "PREFIX report: <https://w3id.org/custody-kg/id/report/>",
            "PREFIX statement: <https://w3id.org/custody-kg/id/statement/>",
            "PREFIX source: <https://w3id.org/custody-kg/id/source/>",
            "") + "\n";

    private ModelFiles() {
    }

    /** An error handler that turns every warning and error into an exception. */
    static ErrorHandler strictHandler(String name) {
        return new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                throw new RiotException(name + ":" + line + ":" + col + ": warning: " + message);
            }

            @Override
            public void error(String message, long line, long col) {
                throw new RiotException(name + ":" + line + ":" + col + ": error: " + message);
            }

            @Override
            public void fatal(String message, long line, long col) {
                throw new RiotException(name + ":" + line + ":" + col + ": fatal: " + message);
            }
        };
    }

    /** Parses one Turtle file, failing on any warning. */
    static Model parse(Path file) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create()
                .source(file)
                .lang(Lang.TURTLE)
                .errorHandler(strictHandler(file.toString()))
                .parse(model);
        return model;
    }

    /** Parses Turtle text (a test's inline example), failing on any warning. */
    static Model parseTurtle(String turtle) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create()
                .fromString(turtle)
                .lang(Lang.TURTLE)
                .errorHandler(strictHandler("inline"))
                .parse(model);
        return model;
    }

    /** All Turtle files under a folder, sorted by path. */
    static List<Path> turtleFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Turtle file of the repository's ontology/ and data/ folders. */
    static List<Path> allTurtleFiles() {
        List<Path> all = new ArrayList<>(turtleFiles(ONTOLOGY_DIR));
        all.addAll(turtleFiles(DATA_DIR));
        return all;
    }

    static Model ontology() {
        return parse(ONTOLOGY);
    }

    static Model shapesModel() {
        return parse(SHAPES);
    }

    static Shapes shapes() {
        return Shapes.parse(shapesModel().getGraph());
    }

    /** Every data file, each as its own model. */
    static List<Model> dataModels() {
        return turtleFiles(DATA_DIR).stream().map(ModelFiles::parse).toList();
    }

    /** All data in one model. */
    static Model data() {
        Model all = ModelFactory.createDefaultModel();
        dataModels().forEach(all::add);
        return all;
    }

    /** Data and ontology together: what the shapes and the queries are run over. */
    static Model dataWithOntology() {
        Model union = ModelFactory.createDefaultModel();
        union.add(ontology());
        union.add(data());
        return union;
    }

    static ValidationReport validate(Graph graph) {
        return ShaclValidator.get().validate(shapes(), graph);
    }

    /** One line per report entry, for failure messages. */
    static String describe(ValidationReport report) {
        StringBuilder sb = new StringBuilder();
        report.getEntries().forEach(e -> sb.append("\n  focus=").append(e.focusNode())
                .append(" path=").append(e.resultPath())
                .append(" value=").append(e.value())
                .append(" message=").append(e.message()));
        return sb.toString();
    }

    /** Runs a SELECT query (the common prefixes are prepended) and returns its rows. */
    static List<QuerySolution> select(Model model, String queryBody) {
        Query query = QueryFactory.create(PREFIXES + queryBody);
        try (QueryExecution exec = QueryExecution.model(model).query(query).build()) {
            ResultSet rs = exec.execSelect();
            List<QuerySolution> rows = new ArrayList<>();
            rs.forEachRemaining(rows::add);
            return rows;
        }
    }

    /** Runs a SELECT query whose single row binds ?n to a number. */
    static long count(Model model, String queryBody) {
        List<QuerySolution> rows = select(model, queryBody);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0).getLiteral("n").getLong();
    }

    /** Loads a Jena model into a new OWL API ontology by writing it out as Turtle. */
    static OWLOntology toOwl(OWLOntologyManager manager, Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, Lang.TURTLE);
        try {
            return manager.loadOntologyFromOntologyDocument(new ByteArrayInputStream(out.toByteArray()));
        } catch (OWLOntologyCreationException e) {
            throw new IllegalStateException("OWL API could not load the graph", e);
        }
    }

    /** The ontology alone, as an OWL API ontology in a fresh manager. */
    static OWLOntology owlOntology() {
        return toOwl(OWLManager.createOWLOntologyManager(), ontology());
    }

    /**
     * The ontology and every data file merged into one OWL API ontology. Each data graph is written to
     * Turtle together with the ontology (so the OWL API parser knows which terms are object properties,
     * datatype properties and classes; a data file alone declares none), loaded into the same manager,
     * and its axioms copied into the merged ontology.
     */
    static OWLOntology owlOntologyWithData() {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology merged;
        try {
            merged = manager.createOntology();
        } catch (OWLOntologyCreationException e) {
            throw new IllegalStateException(e);
        }
        Model ontology = ontology();
        for (Model data : dataModels()) {
            Model withDeclarations = ModelFactory.createDefaultModel().add(ontology).add(data);
            OWLOntology part = toOwl(manager, withDeclarations);
            merged.addAxioms(part.axioms());
            manager.removeOntology(part);
        }
        return merged;
    }
}
