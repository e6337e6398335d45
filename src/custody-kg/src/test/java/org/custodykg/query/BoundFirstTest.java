package org.custodykg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** Patterns that mention a bound parameter go first; nothing else changes. */
class BoundFirstTest {
    private static final Query QUERY = QueryFactory.create("""
            SELECT ?fact WHERE {
              ?fact a <urn:Availability> ; <urn:status> <urn:Blocked> ; <urn:region> ?region .
              OPTIONAL { ?region <urn:label> ?label }
            } ORDER BY ?fact""");

    @Test
    void theBoundPatternMovesToTheFront() {
        assertEquals("""
                SELECT  ?fact
                WHERE
                  { ?fact  <urn:region>  ?region ;
                           a             <urn:Availability> ;
                           <urn:status>  <urn:Blocked>
                    OPTIONAL
                      { ?region  <urn:label>  ?label }
                  }
                ORDER BY ?fact
                """, BoundFirst.reorder(QUERY, Set.of("region")).toString());
    }

    @Test
    void noBindingsNoChange() {
        assertSame(QUERY, BoundFirst.reorder(QUERY, Set.of()));
    }
}
