package org.custodykg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.junit.jupiter.api.Test;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/** The ontology is OWL 2 DL, and every term and the ontology itself are documented. */
class OntologyProfileTest {

    private static final String CKG = "https://w3id.org/custody-kg/ontology#";

    @Test
    void ontologyIsOwl2Dl() {
        OWLOntology ontology = ModelFiles.owlOntology();
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        List<OWLProfileViolation> violations = report.getViolations();
        assertEquals(0, violations.size(), () -> "OWL 2 DL violations:\n" + violations.stream()
                .map(OWLProfileViolation::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void ontologyLoadsCompletelyIntoTheOwlApi() {
        OWLOntology ontology = ModelFiles.owlOntology();
        // Every ckg: class, object, datatype and annotation property declared in custody.ttl must reach the
        // OWL API as that kind of entity (nothing silently dropped or re-typed by the parser).
        long ckgEntities = ontology.signature()
                .filter(e -> e.getIRI().toString().startsWith(CKG))
                .filter(e -> e.isOWLClass() || e.isOWLObjectProperty() || e.isOWLDataProperty() || e.isOWLAnnotationProperty())
                .count();
        assertEquals(ckgTerms(ModelFiles.ontology()).size(), ckgEntities);
    }

    @Test
    void everyCkgTermHasOneEnglishLabelAndAComment() {
        Model model = ModelFiles.ontology();
        List<String> problems = new ArrayList<>();
        List<Resource> terms = new ArrayList<>(ckgTerms(model));
        List<Resource> individuals = model.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                OWL2_NAMED_INDIVIDUAL).filterKeep(r -> r.getURI().startsWith(CKG)).toList();
        terms.addAll(individuals);
        for (Resource term : terms) {
            long englishLabels = model.listObjectsOfProperty(term, model.createProperty(RDFS_LABEL)).toList()
                    .stream().filter(n -> n.isLiteral() && "en".equals(n.asLiteral().getLanguage())).count();
            long labels = model.listObjectsOfProperty(term, model.createProperty(RDFS_LABEL)).toList().size();
            long comments = model.listObjectsOfProperty(term, model.createProperty(RDFS_COMMENT)).toList().size();
            if (englishLabels != 1 || labels != 1) {
                problems.add(term + ": " + labels + " labels, " + englishLabels + " in English");
            }
            if (comments < 1) {
                problems.add(term + ": no rdfs:comment");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertEquals(EXPECTED_TERMS, ckgTerms(model).size(), "number of ckg: classes and properties");
        assertEquals(EXPECTED_INDIVIDUALS, individuals.size(), "number of ckg: named individuals");
    }

    @Test
    void ontologyHeaderHasVersionLicenceAndCreationDate() {
        Model model = ModelFiles.ontology();
        Resource ontology = model.createResource("https://w3id.org/custody-kg/ontology");
        assertTrue(model.contains(ontology, org.apache.jena.vocabulary.RDF.type, OWL.Ontology));
        assertEquals("https://w3id.org/custody-kg/ontology/0.1.0",
                single(model, ontology, OWL2_VERSION_IRI).asResource().getURI());
        assertEquals("0.1.0", single(model, ontology, OWL.versionInfo.getURI()).asLiteral().getLexicalForm());
        assertEquals("https://creativecommons.org/licenses/by/4.0/",
                single(model, ontology, DCTerms.license.getURI()).asResource().getURI());
        RDFNode created = single(model, ontology, DCTerms.created.getURI());
        assertEquals("http://www.w3.org/2001/XMLSchema#dateTime", created.asLiteral().getDatatypeURI());
    }

    private static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    private static final String RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment";
    private static final String OWL2_VERSION_IRI = "http://www.w3.org/2002/07/owl#versionIRI";
    private static final Resource OWL2_NAMED_INDIVIDUAL =
            org.apache.jena.rdf.model.ResourceFactory.createResource("http://www.w3.org/2002/07/owl#NamedIndividual");

    /**
     * custody.ttl declares 45 ckg: classes, 54 object properties and 28 datatype properties for the facts,
     * and 6 classes, 23 object properties and 1 datatype property for the derived access routes.
     */
    private static final int EXPECTED_TERMS = 45 + 54 + 28 + 6 + 23 + 1 + 21 + 14; // + 21: the terms for the first source's statements (issue 17); + 14: many sources, one story (issue 16)

    /**
     * ... and 22 ckg: named individuals (data categories, encryption schemes and the value sets), plus the
     * 5 route kinds, 3 route grades, 2 presumptions and 3 route statuses.
     */
    private static final int EXPECTED_INDIVIDUALS = 22 + 5 + 3 + 2 + 3 + 2; // + 2: the first source's stance types (issue 17)

    private static RDFNode single(Model model, Resource subject, String property) {
        List<RDFNode> values = model.listObjectsOfProperty(subject, model.createProperty(property)).toList();
        assertEquals(1, values.size(), () -> subject + " " + property + ": " + values);
        return values.get(0);
    }

    /** The ckg: classes and properties the ontology declares. */
    static List<Resource> ckgTerms(Model model) {
        List<Resource> terms = new ArrayList<>();
        for (Resource kind : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)) {
            model.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, kind)
                    .filterKeep(r -> r.isURIResource() && r.getURI().startsWith(CKG))
                    .forEach(terms::add);
        }
        return terms;
    }
}
