package org.custodykg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/** HermiT finds the ontology, alone and with all data, consistent, and no ckg: class unsatisfiable. */
class ReasonerTest {

    private static final String CKG = "https://w3id.org/custody-kg/ontology#";

    /**
     * The data uses xsd:date, xsd:gYearMonth and xsd:gMonth, which are outside the OWL 2 datatype map;
     * HermiT would refuse them, so it is told to ignore unsupported datatypes (their literals then take
     * no part in reasoning; the SHACL shapes check them instead).
     */
    private static OWLReasoner hermit(OWLOntology ontology) {
        Configuration configuration = new Configuration();
        configuration.ignoreUnsupportedDatatypes = true;
        return new ReasonerFactory().createReasoner(ontology, configuration);
    }

    @Test
    void ontologyAloneIsConsistentAndEveryCkgClassSatisfiable() {
        OWLOntology ontology = ModelFiles.owlOntology();
        OWLReasoner reasoner = hermit(ontology);
        try {
            assertTrue(reasoner.isConsistent(), "the ontology alone is inconsistent");
            List<OWLClass> unsatisfiable = reasoner.getUnsatisfiableClasses().entities()
                    .filter(c -> c.getIRI().toString().startsWith(CKG)).toList();
            assertEquals(List.of(), unsatisfiable, "unsatisfiable ckg: classes");
            long ckgClasses = ontology.classesInSignature().filter(c -> c.getIRI().toString().startsWith(CKG)).count();
            assertEquals(44 + 7 + 4 + 2, ckgClasses, "ckg: classes checked for satisfiability");
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void ontologyWithAllDataIsConsistent() {
        OWLOntology merged = ModelFiles.owlOntologyWithData();
        OWLReasoner reasoner = hermit(merged);
        try {
            assertTrue(reasoner.isConsistent(), "ontology + data is inconsistent");
            List<OWLClass> unsatisfiable = reasoner.getUnsatisfiableClasses().entities()
                    .filter(c -> c.getIRI().toString().startsWith(CKG)).toList();
            assertEquals(List.of(), unsatisfiable, "unsatisfiable ckg: classes with data");
            // The data reached the reasoner as individuals: 86 named nodes of data/ (35 facts, 11 statements, 39 entities
            // and the source document), the ontology's 22 + 13 named individuals (with the route kinds, grades,
            // presumptions and statuses), and the 11 Wikidata IRIs that schema:sameAs (an object property) points at;
            // then the later sources' 15 documents, 43 attestations, 6 facts and 3 services.
            assertEquals(86 + 22 + 13 + 11 + 9 + 15 + 43 + 6 + 3, merged.individualsInSignature().count(), "individuals given to HermiT");
        } finally {
            reasoner.dispose();
        }
    }
}
