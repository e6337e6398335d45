package org.custodykg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;

/** A bound parameter that was an ORDER BY or GROUP BY key is sent without that key. */
class ConstantKeysTest {
    private static final String QUERY = """
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT ?company ?fact (COUNT(DISTINCT ?source) AS ?sources)
            WHERE { ?fact ckg:targetOrganisation ?company ; ckg:source ?source }
            GROUP BY ?company ?fact
            ORDER BY ?company ?fact""";

    private static final String FACEBOOK = "https://w3id.org/custody-kg/id/organisation/facebook";

    @Test
    void aGroupedParameterIsProjectedOnceAndNoLongerGroupedOrOrderedBy() {
        Query parsed = QueryFactory.create(QUERY);
        Query bound = RemoteDatasetGraph.bound(parsed, BindingFactory.binding(Var.alloc("company"), NodeFactory.createURI(FACEBOOK)));
        Query sent = RemoteDatasetGraph.withoutConstantKeys(bound.cloneQuery());
        assertEquals("""
                PREFIX  ckg:  <https://w3id.org/custody-kg/ontology#>

                SELECT  (<https://w3id.org/custody-kg/id/organisation/facebook> AS ?company) ?fact (COUNT(DISTINCT ?source) AS ?sources)
                WHERE
                  { ?fact  ckg:targetOrganisation  <https://w3id.org/custody-kg/id/organisation/facebook> ;
                           ckg:source            ?source
                  }
                GROUP BY ?fact
                ORDER BY ?fact
                """, sent.toString());
        // standard SPARQL 1.1, and the parsed and the bound query are left as they were
        assertEquals(sent, QueryFactory.create(sent.toString(), Syntax.syntaxSPARQL_11));
        assertEquals(QueryFactory.create(QUERY), parsed);
        assertEquals("[?company, ?fact]", bound.getGroupBy().getVars().toString());
    }

    @Test
    void aQueryGroupedByTheParameterAloneKeepsItsKey() {
        Query parsed = QueryFactory.create("SELECT ?company (COUNT(*) AS ?n) WHERE { ?fact ?p ?company } GROUP BY ?company");
        Query bound = RemoteDatasetGraph.bound(parsed, BindingFactory.binding(Var.alloc("company"), NodeFactory.createURI(FACEBOOK)));
        Query sent = RemoteDatasetGraph.withoutConstantKeys(bound.cloneQuery());
        assertEquals("[?company]", sent.getGroupBy().getVars().toString());
    }
}
