package org.custodykg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data conforms to the SHACL shapes, and each shape rejects a small broken example with its own
 * message. Validation always runs over data + ontology (their union), so that sh:targetClass and sh:class
 * see the ontology's rdfs:subClassOf axioms (see the comment at the top of ontology/shapes.ttl).
 */
class ShapesTest {

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final String SHAPES_NS = "https://w3id.org/custody-kg/shapes#";
    private static final String EX = "https://example.org/broken/";
    private static final String SRC = "source:bbc-2020-07-07-hong-kong-data-pause";

    private static Shapes shapes;
    private static Model dataWithOntology;

    @BeforeAll
    static void load() {
        shapes = ModelFiles.shapes();
        dataWithOntology = ModelFiles.dataWithOntology();
    }

    @Test
    void dataConformsToTheShapes() {
        ValidationReport report = ShaclValidator.get().validate(shapes, dataWithOntology.getGraph());
        assertTrue(report.conforms(), () -> report.getEntries().size() + " violations:" + ModelFiles.describe(report));
    }

    @Test
    void dataAloneWithoutTheOntologyIsNotEnoughToReachTheFacts() {
        // Documents why the union is needed: without rdfs:subClassOf, a node typed ckg:KeyCustody is not
        // a target of the shape for ckg:Fact, so an unsourced key-custody fact would slip through.
        Model broken = ModelFiles.data().add(ModelFiles.parseTurtle(ModelFiles.PREFIXES + """
                PREFIX ex: <%s>
                ex:fact a ckg:KeyCustody ; rdfs:label "x"@en ; ckg:service service:icloud ;
                    ckg:dataCategory ckg:CloudAccountData ; ckg:encryption ckg:ProviderHeldKeyEncryption ;
                    ckg:keyHolder organisation:apple ; ckg:evidence "e" .
                """.formatted(EX)));
        ValidationReport alone = ShaclValidator.get().validate(shapes, broken.getGraph());
        assertFalse(alone.getEntries().stream().anyMatch(e -> e.focusNode().getURI().equals(EX + "fact")
                && e.message().contains("ckg:source")));
        Model union = ModelFactory.createDefaultModel().add(broken).add(ModelFiles.ontology());
        ValidationReport withOntology = ShaclValidator.get().validate(shapes, union.getGraph());
        assertTrue(withOntology.getEntries().stream().anyMatch(e -> e.focusNode().getURI().equals(EX + "fact")
                && e.message().contains("ckg:source")));
    }

    @Test
    void everyShapeHasAMessageALabelAndAComment() {
        Model model = ModelFiles.shapesModel();
        List<Resource> nodeShapes = model.listSubjectsWithProperty(RDF.type, model.createResource(SH + "NodeShape")).toList();
        assertEquals(SHAPE_NAMES.size(), nodeShapes.size(), "number of node shapes");
        Set<String> names = nodeShapes.stream().map(r -> r.getURI().substring(SHAPES_NS.length()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SHAPE_NAMES), names);
        for (Resource shape : nodeShapes) {
            assertTrue(shape.hasProperty(model.createProperty(SH + "message")), shape + " has no sh:message");
            assertTrue(shape.hasProperty(model.createProperty("http://www.w3.org/2000/01/rdf-schema#label")), shape + " has no label");
            assertTrue(shape.hasProperty(model.createProperty("http://www.w3.org/2000/01/rdf-schema#comment")), shape + " has no comment");
        }
        List<Resource> propertyShapes = model.listObjectsOfProperty(model.createProperty(SH + "property"))
                .mapWith(n -> n.asResource()).toList();
        assertEquals(142, propertyShapes.size(), "number of property shapes");
        for (Resource p : propertyShapes) {
            assertTrue(p.hasProperty(model.createProperty(SH + "message")),
                    "property shape on " + p.getPropertyResourceValue(model.createProperty(SH + "path")) + " has no sh:message");
        }
    }

    static final List<String> SHAPE_NAMES = List.of(
            "LabelShape", "DescribedEntityShape", "SourceDocumentShape", "AgentShape", "OrganisationShape",
            "CompanyShape", "DivisionShape", "LocalOperatorShape", "GovernmentBodyShape", "AuthorityShape",
            "PersonShape", "UserGroupShape", "PlaceShape", "StateShape", "LegalRegionShape",
            "SpecialAdministrativeRegionShape", "CityShape", "AreaShape", "DataCentreShape", "ServiceShape",
            "LegalInstrumentShape", "UnnamedLegalInstrumentShape", "LawShape", "TreatyShape",
            "MutualLegalAssistanceTreatyShape", "TransparencyReportShape", "SourcedShape", "FactShape",
            "KeyCustodyShape", "DataStorageShape", "ServiceOperationShape", "ServiceAvailabilityShape", "StanceShape",
            "LegalChannelShape", "RequestStatisticsShape", "RequestVolumeShape", "WorkforceLocationShape",
            "RelocationShape", "TieShape", "ServiceSubstituteShape", "PossibleConsequenceShape", "StatementShape",
            "StatementLinkShape", "JurisdictionShape", "SourceAddressShape", "AttestationShape", "EntryIntoForceShape");

    @Test
    void everyShapeHasABrokenExample() {
        Set<String> covered = brokenExamples().map(a -> ((String) a.get()[0]).split(":")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SHAPE_NAMES), covered);
        assertEquals(81, brokenExamples().count(), "number of broken examples");
    }

    /** A valid key-custody fact, to be broken by leaving out one line. */
    private static final String KEY_CUSTODY = """
            ex:fact a ckg:KeyCustody ;
                rdfs:label "x"@en ;
                ckg:service service:icloud ;
                ckg:dataCategory ckg:CloudAccountData ;
                ckg:encryption ckg:ProviderHeldKeyEncryption ;
                ckg:keyHolder organisation:apple ;
                ckg:evidence "e" ;
                ckg:source %s .
            """.formatted(SRC);

    private static String without(String turtle, String line) {
        String out = turtle.replace("    " + line + " ;\n", "");
        if (out.equals(turtle)) {
            throw new IllegalArgumentException("no line " + line);
        }
        return out;
    }

    /** name, Turtle added to data + ontology, expected focus node (prefixed), expected sh:message. */
    static Stream<Arguments> brokenExamples() {
        return Stream.of(
                Arguments.of("LabelShape: no label", """
                        ex:svc a ckg:Service ; ckg:providedBy organisation:apple ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:svc",
                        "Every entity must have a label (rdfs:label)."),
                Arguments.of("LabelShape: label not in English", """
                        place:tai-an rdfs:label "Taian"@de .
                        """, "place:tai-an",
                        "An entity's label (rdfs:label) must be one string tagged with the language en."),
                Arguments.of("LabelShape: untagged alternative label", """
                        place:tai-an skos:altLabel "Taian" .
                        """, "place:tai-an",
                        "An alternative label (skos:altLabel) must be a string tagged with the language en."),
                Arguments.of("DescribedEntityShape: no source document", """
                        ex:svc a ckg:Service ; rdfs:label "x"@en ; ckg:providedBy organisation:apple .
                        """, "ex:svc",
                        "An entity must name the source document that describes it (ckg:describedIn), and that must be a ckg:SourceDocument."),
                Arguments.of("DescribedEntityShape: sameAs not Wikidata", """
                        organisation:telegram <https://schema.org/sameAs> <https://telegram.org/> .
                        """, "organisation:telegram",
                        "A link to the same thing elsewhere (schema:sameAs) must be a Wikidata entity IRI such as http://www.wikidata.org/entity/Q312."),
                Arguments.of("SourceDocumentShape: publication date not xsd:date", """
                        ex:doc a ckg:SourceDocument ; rdfs:label "x"@en ; dct:title "x"@en ; dct:publisher "X" ;
                            dct:issued "2020-07-07T00:00:00Z"^^xsd:dateTime ; ckg:retrieval "x" ; ckg:noUrlReason "x" .
                        """, "ex:doc",
                        "A source document must have exactly one publication date (dct:issued) typed xsd:date."),
                Arguments.of("SourceDocumentShape: no publisher", """
                        ex:doc a ckg:SourceDocument ; rdfs:label "x"@en ; dct:title "x"@en ; dct:issued "2020-07-07"^^xsd:date ;
                            ckg:retrieval "x" ; ckg:noUrlReason "x" .
                        """, "ex:doc",
                        "A source document must name its publisher (dct:publisher)."),
                Arguments.of("SourceDocumentShape: an address that is not typed xsd:anyURI", """
                        ex:doc a ckg:SourceDocument ; rdfs:label "x"@en ; dct:title "x"@en ; dct:publisher "X" ;
                            dct:issued "2020-07-07"^^xsd:date ; ckg:url "https://example.org/a" .
                        """, "ex:doc",
                        "A source document has at most one address (ckg:url), typed xsd:anyURI."),
                Arguments.of("SourceAddressShape: neither an address nor a reason for none", """
                        ex:doc a ckg:SourceDocument ; rdfs:label "x"@en ; dct:title "x"@en ; dct:publisher "X" ;
                            dct:issued "2020-07-07"^^xsd:date ; ckg:retrieval "x" .
                        """, "ex:doc",
                        "A source document must give its address (ckg:url) or say why it has none (ckg:noUrlReason)."),
                Arguments.of("AttestationShape: no source", """
                        ex:claim a ckg:Attestation ; ckg:attests fact:stance-telegram-pause-hong-kong ; ckg:evidence "e" .
                        """, "ex:claim",
                        "An attestation must name exactly one source document (ckg:source)."),
                Arguments.of("AttestationShape: a value without its property", """
                        ex:claim a ckg:Attestation ; ckg:attests fact:stance-telegram-pause-hong-kong ; ckg:evidence "e" ;
                            ckg:source %s ; ckg:claimedValue 3 .
                        """.formatted(SRC), "ex:claim",
                        "An attestation is incomplete."),
                Arguments.of("EntryIntoForceShape: a day that is not a date", """
                        ex:fact a ckg:EntryIntoForce ; rdfs:label "x"@en ; ckg:forInstrument law:hong-kong-national-security-law ;
                            ckg:tookEffectOn "1 July" ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "An entry into force must give exactly one day (ckg:tookEffectOn), typed xsd:date."),
                Arguments.of("AgentShape: nameStated not boolean", """
                        organisation:telegram ckg:nameStated "no" .
                        """, "organisation:telegram",
                        "Whether the source names an agent (ckg:nameStated) must be one xsd:boolean."),
                Arguments.of("OrganisationShape: founder is a place", """
                        organisation:zoom ckg:founder place:tai-an .
                        """, "organisation:zoom",
                        "An organisation's founder (ckg:founder) must be a ckg:Person."),
                Arguments.of("CompanyShape: owned by a government", """
                        organisation:tiktok ckg:subsidiaryOf organisation:hong-kong-government .
                        """, "organisation:tiktok",
                        "The owner of a company (ckg:subsidiaryOf) must be a ckg:Company."),
                Arguments.of("DivisionShape: division of two organisations", """
                        organisation:linkedin ckg:divisionOf organisation:apple .
                        """, "organisation:linkedin",
                        "A division must name exactly one organisation it belongs to (ckg:divisionOf), and that must be a ckg:Organisation."),
                Arguments.of("LocalOperatorShape: not based anywhere", """
                        ex:op a ckg:LocalOperator ; rdfs:label "x"@en ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:op",
                        "A local operator must say where it is local (ckg:basedIn)."),
                Arguments.of("GovernmentBodyShape: jurisdiction is a company", """
                        organisation:us-government ckg:hasJurisdiction organisation:apple .
                        """, "organisation:us-government",
                        "A government body's jurisdiction (ckg:hasJurisdiction) must be a ckg:Jurisdiction."),
                Arguments.of("AuthorityShape: no jurisdiction", """
                        ex:auth a ckg:Authority ; rdfs:label "x"@en ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:auth",
                        "An authority must name the jurisdiction in which it holds its powers (ckg:hasJurisdiction), unless the source leaves it unnamed (ckg:nameStated false)."),
                Arguments.of("PersonShape: two birthplaces", """
                        person:eric-yuan ckg:birthPlace place:silicon-valley .
                        """, "person:eric-yuan",
                        "A person has at most one birthplace (ckg:birthPlace), and it must be a ckg:Place."),
                Arguments.of("UserGroupShape: user group with a jurisdiction", """
                        group:device-owners ckg:hasJurisdiction place:hong-kong .
                        """, "group:device-owners",
                        "A user group holds no jurisdiction (ckg:hasJurisdiction is for government bodies)."),
                Arguments.of("PlaceShape: part of a string", """
                        place:tai-an ckg:partOf "Shandong" .
                        """, "place:tai-an",
                        "The place a place lies in (ckg:partOf) must be a ckg:Place."),
                Arguments.of("StateShape: state inside another place", """
                        place:united-states ckg:partOf place:china .
                        """, "place:united-states",
                        "A sovereign state must not be part of another place (ckg:partOf)."),
                Arguments.of("LegalRegionShape: not part of a state", """
                        ex:region a ckg:LegalRegion ; rdfs:label "x"@en ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:region",
                        "A legal region must name the state it is part of (ckg:partOf)."),
                Arguments.of("SpecialAdministrativeRegionShape: part of a legal region", """
                        place:hong-kong ckg:partOf place:mainland-china .
                        """, "place:hong-kong",
                        "A special administrative region must be part of exactly one state (ckg:partOf a ckg:State)."),
                Arguments.of("JurisdictionShape: untagged authorities label", """
                        place:hong-kong ckg:authoritiesLabel "Hong Kong authorities" .
                        """, "place:hong-kong",
                        "A name for a jurisdiction's authorities (ckg:authoritiesLabel) must be a string tagged with the language en."),
                Arguments.of("CityShape: city typed as a state", """
                        place:tai-an a ckg:State .
                        """, "place:tai-an",
                        "A city must not also be typed as a jurisdiction (state or legal region)."),
                Arguments.of("AreaShape: area typed as a city", """
                        place:silicon-valley a ckg:City .
                        """, "place:silicon-valley",
                        "An area must not also be typed as a city or a jurisdiction."),
                Arguments.of("DataCentreShape: nobody controls it", """
                        ex:dc a ckg:DataCentre ; rdfs:label "x"@en ; ckg:partOf place:mainland-china ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:dc",
                        "A data centre must name the organisation that controls it (ckg:controlledBy), and that must be a ckg:Organisation."),
                Arguments.of("ServiceShape: no provider", """
                        ex:svc a ckg:Service ; rdfs:label "x"@en ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:svc",
                        "A service must name the organisation that provides it (ckg:providedBy), and that must be a ckg:Organisation."),
                Arguments.of("ServiceShape: counterpart of a firm", """
                        service:douyin ckg:counterpartOf organisation:tiktok .
                        """, "service:douyin",
                        "The service a service is the counterpart of (ckg:counterpartOf) must be a ckg:Service."),
                Arguments.of("LegalInstrumentShape: two label bases", """
                        law:us-hong-kong-mlat ckg:labelBasis "a" , "b" .
                        """, "law:us-hong-kong-mlat",
                        "Where a label comes from (ckg:labelBasis) must be one plain string."),
                Arguments.of("UnnamedLegalInstrumentShape: unnamed law without the source's words", """
                        ex:law a ckg:Law ; rdfs:label "x"@en ; ckg:passedBy place:china ; ckg:governs place:hong-kong ;
                            ckg:nameStated false ; ckg:labelBasis "the project's" ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:law",
                        "A law the source does not name (ckg:nameStated false) must give the source's words for it (ckg:nameAsStated) and say where its label comes from (ckg:labelBasis)."),
                Arguments.of("UnnamedLegalInstrumentShape: unnamed law without a label basis", """
                        ex:law a ckg:Law ; rdfs:label "x"@en ; ckg:passedBy place:china ; ckg:governs place:hong-kong ;
                            ckg:nameStated false ; ckg:nameAsStated "a law" ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:law",
                        "A law the source does not name (ckg:nameStated false) must give the source's words for it (ckg:nameAsStated) and say where its label comes from (ckg:labelBasis)."),
                Arguments.of("LegalInstrumentShape: date passed is a plain string", """
                        ex:law a ckg:Law ; rdfs:label "x"@en ; ckg:passedBy place:china ; ckg:governs place:hong-kong ;
                            ckg:datePassed "30 June 2020" ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:law",
                        "The day a law was passed (ckg:datePassed) must be a single xsd:date."),
                Arguments.of("LegalInstrumentShape: in force from a year", """
                        law:us-hong-kong-mlat ckg:inForceFrom "1998"^^xsd:gYear .
                        """, "law:us-hong-kong-mlat",
                        "The day a law came into force (ckg:inForceFrom) must be a single xsd:date."),
                Arguments.of("LegalInstrumentShape: governs nothing", """
                        ex:law a ckg:Law ; rdfs:label "x"@en ; ckg:passedBy place:china ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:law",
                        "A law or treaty must name a jurisdiction it governs (ckg:governs), and that must be a ckg:Jurisdiction."),
                Arguments.of("LawShape: nobody passed it", """
                        ex:law a ckg:Law ; rdfs:label "x"@en ; ckg:governs place:hong-kong ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:law",
                        "A law must name who passed it (ckg:passedBy)."),
                Arguments.of("TreatyShape: a company as party", """
                        law:us-hong-kong-mlat ckg:party organisation:apple .
                        """, "law:us-hong-kong-mlat",
                        "A party to a treaty (ckg:party) must be a ckg:Jurisdiction."),
                Arguments.of("MutualLegalAssistanceTreatyShape: one party", """
                        ex:mlat a ckg:MutualLegalAssistanceTreaty ; rdfs:label "x"@en ; ckg:party place:hong-kong ;
                            ckg:governs place:hong-kong ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:mlat",
                        "A mutual legal assistance treaty must name at least two parties (ckg:party)."),
                Arguments.of("TransparencyReportShape: no publisher", """
                        ex:report a ckg:TransparencyReport ; rdfs:label "x"@en ; ckg:describedIn %s .
                        """.formatted(SRC), "ex:report",
                        "A transparency report must name exactly one organisation that published it (ckg:publishedBy)."),
                Arguments.of("SourcedShape: fact without source", KEY_CUSTODY.replace(
                        "ckg:evidence \"e\" ;\n    ckg:source " + SRC + " .", "ckg:evidence \"e\" ."), "ex:fact",
                        "Every fact and statement must name the document it is taken from (ckg:source), and that must be a ckg:SourceDocument."),
                Arguments.of("SourcedShape: statement without source", """
                        ex:st a ckg:Statement ; rdfs:label "x"@en ; ckg:statedBy organisation:apple ; ckg:quotation "q" ;
                            ckg:about organisation:apple .
                        """, "ex:st",
                        "Every fact and statement must name the document it is taken from (ckg:source), and that must be a ckg:SourceDocument."),
                Arguments.of("SourcedShape: source is not a source document", """
                        fact:operation-douyin-mainland-china ckg:source place:china .
                        """, "fact:operation-douyin-mainland-china",
                        "Every fact and statement must name the document it is taken from (ckg:source), and that must be a ckg:SourceDocument."),
                Arguments.of("FactShape: no evidence", without(KEY_CUSTODY, "ckg:evidence \"e\""), "ex:fact",
                        "A fact must quote the sentence of its source that it rests on (ckg:evidence), as a plain string."),
                Arguments.of("FactShape: valid from a string", """
                        fact:operation-douyin-mainland-china ckg:validFrom "2020" .
                        """, "fact:operation-douyin-mainland-china",
                        "The first day a fact holds (ckg:validFrom) must be a single xsd:date."),
                Arguments.of("KeyCustodyShape: no service", without(KEY_CUSTODY, "ckg:service service:icloud"), "ex:fact",
                        "A key-custody fact must name exactly one service whose keys it describes (ckg:service)."),
                Arguments.of("KeyCustodyShape: no key holder", without(KEY_CUSTODY, "ckg:keyHolder organisation:apple"), "ex:fact",
                        "A key-custody fact must name at least one key holder (ckg:keyHolder), and each must be a ckg:Agent."),
                Arguments.of("KeyCustodyShape: no encryption", without(KEY_CUSTODY, "ckg:encryption ckg:ProviderHeldKeyEncryption"), "ex:fact",
                        "A key-custody fact must name exactly one encryption scheme (ckg:encryption), a ckg:EncryptionScheme."),
                Arguments.of("KeyCustodyShape: two encryption schemes", KEY_CUSTODY + """
                        ex:fact ckg:encryption ckg:EndToEndEncryption .
                        """, "ex:fact",
                        "A key-custody fact must name exactly one encryption scheme (ckg:encryption), a ckg:EncryptionScheme."),
                Arguments.of("DataStorageShape: not stored anywhere", """
                        ex:fact a ckg:DataStorage ; rdfs:label "x"@en ; ckg:service service:icloud ;
                            ckg:dataCategory ckg:UserFiles ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A data-storage fact must say where the data is stored (ckg:storedIn), a ckg:Place or data centre."),
                Arguments.of("ServiceOperationShape: no operator", """
                        ex:fact a ckg:ServiceOperation ; rdfs:label "x"@en ; ckg:service service:zoom ;
                            ckg:region place:hong-kong ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A service-operation fact must name exactly one operator (ckg:operator), a ckg:Organisation."),
                Arguments.of("ServiceAvailabilityShape: both a service and a firm", """
                        fact:availability-apple-mainland-china ckg:service service:icloud .
                        """, "fact:availability-apple-mainland-china",
                        "A service-availability fact must name either one service (ckg:service) or one firm whose services it covers (ckg:servicesOf), not both and not neither."),
                Arguments.of("ServiceAvailabilityShape: neither a service nor a firm", """
                        ex:fact a ckg:ServiceAvailability ; rdfs:label "x"@en ; ckg:region place:mainland-china ;
                            ckg:availability ckg:Blocked ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A service-availability fact must name either one service (ckg:service) or one firm whose services it covers (ckg:servicesOf), not both and not neither."),
                Arguments.of("ServiceAvailabilityShape: no status", """
                        ex:fact a ckg:ServiceAvailability ; rdfs:label "x"@en ; ckg:region place:mainland-china ;
                            ckg:service service:zoom ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A service-availability fact must give exactly one availability status (ckg:availability), a ckg:AvailabilityStatus."),
                Arguments.of("StanceShape: neither authority nor region", """
                        ex:fact a ckg:Stance ; rdfs:label "x"@en ; ckg:stanceHolder organisation:zoom ;
                            ckg:stanceType ckg:Pause ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A stance must name the authority it is toward (ckg:towardAuthority) or the region it concerns (ckg:region)."),
                Arguments.of("StanceShape: provisional is a string", """
                        ex:fact a ckg:Stance ; rdfs:label "x"@en ; ckg:stanceHolder organisation:zoom ; ckg:region place:hong-kong ;
                            ckg:stanceType ckg:Pause ; ckg:provisional "yes" ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "Whether a stance is provisional (ckg:provisional) must be one xsd:boolean."),
                Arguments.of("StanceShape: announcement bound is a dateTime", """
                        ex:fact a ckg:Stance ; rdfs:label "x"@en ; ckg:stanceHolder organisation:zoom ; ckg:region place:hong-kong ;
                            ckg:stanceType ckg:Pause ; ckg:announcedNoLaterThan "2020-07-07T00:00:00Z"^^xsd:dateTime ;
                            ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "The latest announcement date of a stance (ckg:announcedNoLaterThan) must be a single xsd:date."),
                Arguments.of("StanceShape: guidance from a company", """
                        fact:stance-zoom-monitoring-hong-kong ckg:guidanceFrom organisation:apple .
                        """, "fact:stance-zoom-monitoring-hong-kong",
                        "The government whose guidance a firm watches for (ckg:guidanceFrom) must be a ckg:GovernmentBody."),
                Arguments.of("StanceShape: no stance type", """
                        ex:fact a ckg:Stance ; rdfs:label "x"@en ; ckg:stanceHolder organisation:zoom ; ckg:region place:hong-kong ;
                            ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A stance must have exactly one stance type (ckg:stanceType), a ckg:StanceType."),
                Arguments.of("LegalChannelShape: no requesting authority", """
                        ex:fact a ckg:LegalChannel ; rdfs:label "x"@en ; ckg:targetOrganisation organisation:apple ;
                            ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A legal channel must name exactly one requesting authority (ckg:requestingAuthority), a ckg:GovernmentBody."),
                Arguments.of("RequestStatisticsShape: percent above 100", statistics("ckg:percentDataProvided 120.0"), "ex:fact",
                        "The share of cases with data provided (ckg:percentDataProvided) must be one xsd:decimal from 0 to 100."),
                Arguments.of("RequestStatisticsShape: percent as a double", statistics("ckg:percentDataProvided 9.1e1"), "ex:fact",
                        "The share of cases with data provided (ckg:percentDataProvided) must be one xsd:decimal from 0 to 100."),
                Arguments.of("RequestStatisticsShape: count as a decimal", statistics("ckg:count 81.0").replace("ckg:count 81 ;", ""), "ex:fact",
                        "A request figure must have exactly one count (ckg:count), a non-negative xsd:integer."),
                Arguments.of("RequestStatisticsShape: period start as a date",
                        statistics("ckg:periodEnd \"2019-12\"^^xsd:gYearMonth").replace(
                                "ckg:periodStart \"2019-07\"^^xsd:gYearMonth", "ckg:periodStart \"2019-07-01\"^^xsd:date"), "ex:fact",
                        "A request figure must have exactly one period start (ckg:periodStart), typed xsd:gYearMonth or xsd:gMonth."),
                Arguments.of("RequestStatisticsShape: nothing counted", statistics("ckg:dataProvided ckg:NonContentData")
                        .replace("ckg:countedThing ckg:Accounts ;", ""), "ex:fact",
                        "A request figure must say what it counts (ckg:countedThing), exactly one ckg:CountedThing."),
                Arguments.of("RequestVolumeShape: neither a count nor words", volume("ckg:countStated false"), "ex:fact",
                        "A request-volume fact must give either a count (ckg:count) or, when the source gives no number, ckg:countStated false and the source's words for the amount (ckg:amountAsStated), not both."),
                Arguments.of("RequestVolumeShape: a count and words", volume("ckg:count 0 ; ckg:countStated false ; ckg:amountAsStated \"few\""), "ex:fact",
                        "A request-volume fact must give either a count (ckg:count) or, when the source gives no number, ckg:countStated false and the source's words for the amount (ckg:amountAsStated), not both."),
                Arguments.of("RequestVolumeShape: negative count", volume("ckg:count -1"), "ex:fact",
                        "A request volume has at most one count (ckg:count), a non-negative xsd:integer."),
                Arguments.of("RequestVolumeShape: no period", volume("ckg:count 0").replace("ckg:periodAsStated \"in the past\" ;", ""), "ex:fact",
                        "A request volume must give its period in the source's words (ckg:periodAsStated), a plain string."),
                Arguments.of("RequestVolumeShape: stated on a dateTime", volume("ckg:count 0 ; ckg:statedNoLaterThan \"2020-07-07T00:00:00Z\"^^xsd:dateTime"), "ex:fact",
                        "The latest day a figure can have been given (ckg:statedNoLaterThan) must be a single xsd:date."),
                Arguments.of("WorkforceLocationShape: no employer", """
                        ex:fact a ckg:WorkforceLocation ; rdfs:label "x"@en ; ckg:workplace place:mainland-china ;
                            ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A workforce-location fact must name exactly one employer (ckg:employer), a ckg:Organisation."),
                Arguments.of("RelocationShape: years as a string", """
                        ex:fact a ckg:Relocation ; rdfs:label "x"@en ; ckg:person person:eric-yuan ; ckg:movedTo place:silicon-valley ;
                            ckg:yearsBeforeSource "23" ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "How many years before the source a move happened (ckg:yearsBeforeSource) must be one non-negative xsd:integer."),
                Arguments.of("RelocationShape: nobody moved", """
                        ex:fact a ckg:Relocation ; rdfs:label "x"@en ; ckg:movedTo place:silicon-valley ;
                            ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A relocation must name exactly one person who moved (ckg:person), a ckg:Person."),
                Arguments.of("TieShape: tied to nothing", """
                        ex:fact a ckg:Tie ; rdfs:label "x"@en ; ckg:tieHolder organisation:zoom ;
                            ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A tie must name the place the firm has ties to (ckg:tiedTo), a ckg:Place."),
                Arguments.of("ServiceSubstituteShape: no substitute", """
                        ex:fact a ckg:ServiceSubstitute ; rdfs:label "x"@en ; ckg:substituteFor service:tiktok ;
                            ckg:region place:hong-kong ; ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A service-substitute fact must name exactly one substitute (ckg:substitute), a ckg:Service."),
                Arguments.of("PossibleConsequenceShape: no risk named", """
                        ex:fact a ckg:PossibleConsequence ; rdfs:label "x"@en ; ckg:consequenceOf fact:stance-zoom-pause-hong-kong ;
                            ckg:evidence "e" ; ckg:source %s .
                        """.formatted(SRC), "ex:fact",
                        "A possible consequence must name its risks (ckg:namedRisk), each a ckg:Risk."),
                Arguments.of("StatementShape: neither quotation nor paraphrase", """
                        ex:st a ckg:Statement ; rdfs:label "x"@en ; ckg:statedBy organisation:apple ;
                            ckg:about organisation:apple ; ckg:source %s .
                        """.formatted(SRC), "ex:st",
                        "A statement must give the speaker's words, as a quotation (ckg:quotation) or a paraphrase (ckg:paraphrase)."),
                Arguments.of("StatementShape: no speaker", """
                        ex:st a ckg:Statement ; rdfs:label "x"@en ; ckg:quotation "q" ;
                            ckg:about organisation:apple ; ckg:source %s .
                        """.formatted(SRC), "ex:st",
                        "A statement must name exactly one agent who made it (ckg:statedBy), a ckg:Agent."),
                Arguments.of("StatementShape: supports a place", """
                        ex:st a ckg:Statement ; rdfs:label "x"@en ; ckg:statedBy organisation:apple ; ckg:quotation "q" ;
                            ckg:supports place:china ; ckg:source %s .
                        """.formatted(SRC), "ex:st",
                        "What a statement supports (ckg:supports) must be a ckg:Fact."),
                Arguments.of("StatementLinkShape: attached to nothing", """
                        ex:st a ckg:Statement ; rdfs:label "x"@en ; ckg:statedBy organisation:apple ; ckg:quotation "q" ;
                            ckg:source %s .
                        """.formatted(SRC), "ex:st",
                        "A statement must support a fact (ckg:supports) or be about an entity (ckg:about)."));
    }

    /** A request-volume fact without its count or words, plus one extra line. */
    private static String volume(String extra) {
        return """
                ex:fact a ckg:RequestVolume ; rdfs:label "x"@en ;
                    ckg:targetOrganisation organisation:microsoft ; ckg:requestingAuthority organisation:hong-kong-government ;
                    ckg:periodAsStated "in the past" ;
                    %s ;
                    ckg:evidence "e" ; ckg:source %s .
                """.formatted(extra, SRC);
    }

    /** A valid request-statistics fact plus one extra line. */
    private static String statistics(String extra) {
        return """
                ex:fact a ckg:RequestStatistics ; rdfs:label "x"@en ;
                    ckg:targetOrganisation organisation:microsoft ; ckg:requestingAuthority organisation:hong-kong-government ;
                    ckg:periodStart "2019-07"^^xsd:gYearMonth ; ckg:periodEnd "2019-12"^^xsd:gYearMonth ;
                    ckg:countedThing ckg:Accounts ; ckg:count 81 ;
                    %s ;
                    ckg:evidence "e" ; ckg:source %s .
                """.formatted(extra, SRC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenExamples")
    void brokenExampleIsRejectedWithItsMessage(String name, String turtle, String focus, String message) {
        Model broken = ModelFactory.createDefaultModel().add(dataWithOntology)
                .add(ModelFiles.parseTurtle(ModelFiles.PREFIXES + "PREFIX ex: <" + EX + ">\n" + turtle));
        ValidationReport report = ShaclValidator.get().validate(shapes, broken.getGraph());
        String focusIri = ModelFiles.parseTurtle(ModelFiles.PREFIXES).expandPrefix(focus.replace("ex:", EX));
        assertFalse(report.conforms(), name + ": the broken example was accepted");
        List<ReportEntry> entries = report.getEntries().stream().toList();
        // Every violation is the expected one: this example breaks exactly one constraint of one node.
        for (ReportEntry e : entries) {
            assertEquals(focusIri, e.focusNode().getURI(), () -> name + ": unexpected violation" + ModelFiles.describe(report));
            assertEquals(message, e.message(), () -> name + ": unexpected message" + ModelFiles.describe(report));
        }
    }
}
