package org.custodykg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report's key figures are in the graph exactly as the source states them, and the graph answers
 *  "who holds the keys, and where". */
class KeyFiguresTest {

    private static final String ID = "https://w3id.org/custody-kg/id/";
    private static final String CKG = "https://w3id.org/custody-kg/ontology#";

    private static Model model;

    @BeforeAll
    static void load() {
        model = ModelFiles.dataWithOntology();
    }

    private static Node typed(String lexical, XSDDatatype type) {
        return NodeFactory.createLiteralDT(lexical, type);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static QuerySolution onlyRow(String query) {
        List<QuerySolution> rows = ModelFiles.select(model, query);
        assertEquals(1, rows.size(), () -> "rows: " + rows);
        return rows.get(0);
    }

    @Test
    void microsoft81AccountsJulyToDecember2019() {
        QuerySolution row = onlyRow("""
                SELECT ?count ?start ?end ?data ?howOften ?period WHERE {
                  ?f a ckg:RequestStatistics ;
                     ckg:targetOrganisation organisation:microsoft ;
                     ckg:requestingAuthority organisation:hong-kong-government ;
                     ckg:countedThing ckg:Accounts ;
                     ckg:count ?count ; ckg:periodStart ?start ; ckg:periodEnd ?end ;
                     ckg:dataProvided ?data ; ckg:dataProvidedAsStated ?howOften ; ckg:periodAsStated ?period ;
                     ckg:reportedIn ?report .
                  ?report ckg:publishedBy organisation:microsoft .
                }""");
        assertEquals(typed("81", XSDDatatype.XSDinteger), row.get("count").asNode());
        assertEquals(typed("2019-07", XSDDatatype.XSDgYearMonth), row.get("start").asNode());
        assertEquals(typed("2019-12", XSDDatatype.XSDgYearMonth), row.get("end").asNode());
        assertEquals(iri(CKG + "NonContentData"), row.get("data").asNode());
        assertEquals("in most cases", row.getLiteral("howOften").getLexicalForm());
        assertEquals("between July and December 2019", row.getLiteral("period").getLexicalForm());
    }

    @Test
    void apple358DevicesJanuaryToJuneWithData91Percent() {
        QuerySolution row = onlyRow("""
                SELECT ?count ?start ?end ?percent ?period WHERE {
                  ?f a ckg:RequestStatistics ;
                     ckg:targetOrganisation organisation:apple ;
                     ckg:requestingAuthority organisation:hong-kong-government ;
                     ckg:countedThing ckg:Devices ;
                     ckg:count ?count ; ckg:periodStart ?start ; ckg:periodEnd ?end ;
                     ckg:percentDataProvided ?percent ; ckg:periodAsStated ?period .
                }""");
        assertEquals(typed("358", XSDDatatype.XSDinteger), row.get("count").asNode());
        // The report gives no year for Apple's period: months without a year.
        assertEquals(typed("--01", XSDDatatype.XSDgMonth), row.get("start").asNode());
        assertEquals(typed("--06", XSDDatatype.XSDgMonth), row.get("end").asNode());
        assertEquals(XSDDatatype.XSDdecimal.getURI(), row.getLiteral("percent").getDatatypeURI());
        assertEquals(0, new java.math.BigDecimal("91").compareTo(new java.math.BigDecimal(row.getLiteral("percent").getLexicalForm())));
        assertEquals("between January and June", row.getLiteral("period").getLexicalForm());
        // The report does not say which kind of data Apple provided: the graph must not say either.
        assertEquals(0, ModelFiles.count(model, """
                SELECT (COUNT(*) AS ?n) WHERE {
                  ?f ckg:targetOrganisation organisation:apple ; ckg:countedThing ckg:Devices .
                  { ?f ckg:dataProvided ?x } UNION { ?f ckg:dataProvidedAsStated ?x } }"""));
    }

    @Test
    void securityLawPassedOn30June2020() {
        QuerySolution row = onlyRow("""
                SELECT ?date WHERE { law:hong-kong-national-security-law ckg:datePassed ?date ; ckg:passedBy place:china }""");
        assertEquals(typed("2020-06-30", XSDDatatype.XSDdate), row.get("date").asNode());
    }

    @Test
    void ericYuanEmigrated23YearsBeforeTheReport() {
        QuerySolution row = onlyRow("""
                SELECT ?years ?to WHERE {
                  ?r a ckg:Relocation ; ckg:person person:eric-yuan ; ckg:movedTo ?to ; ckg:yearsBeforeSource ?years .
                }""");
        assertEquals(typed("23", XSDDatatype.XSDinteger), row.get("years").asNode());
        assertEquals(iri(ID + "place/silicon-valley"), row.get("to").asNode());
    }

    @Test
    void appleHoldsTheICloudKeysOfHongKongUsersInTheUnitedStates() {
        QuerySolution row = onlyRow("""
                SELECT ?holder ?where WHERE {
                  ?k a ckg:KeyCustody ; ckg:service service:icloud ; ckg:usersIn place:hong-kong ;
                     ckg:keyHolder ?holder ; ckg:keysStoredIn ?where .
                }""");
        assertEquals(iri(ID + "organisation/apple"), row.get("holder").asNode());
        assertEquals(iri(ID + "place/united-states"), row.get("where").asNode());
    }

    @Test
    void onlyTheDeviceOwnersHoldTheMessagesKeys() {
        QuerySolution row = onlyRow("""
                SELECT ?holder ?encryption WHERE {
                  ?k a ckg:KeyCustody ; ckg:service service:messages ;
                     ckg:keyHolder ?holder ; ckg:encryption ?encryption .
                }""");
        assertEquals(iri(ID + "group/device-owners"), row.get("holder").asNode());
        assertEquals(iri(CKG + "EndToEndEncryption"), row.get("encryption").asNode());
        // The report does not say where end-to-end keys are kept: no place is invented.
        assertEquals(0, ModelFiles.count(model, """
                SELECT (COUNT(*) AS ?n) WHERE { ?k ckg:service service:messages ; ckg:keysStoredIn ?p }"""));
    }
}
