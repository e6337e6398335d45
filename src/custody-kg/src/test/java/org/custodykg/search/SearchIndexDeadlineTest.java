package org.custodykg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.apache.jena.query.QueryCancelledException;
import org.custodykg.CustodyGraph;
import org.custodykg.query.Deadline;
import org.junit.jupiter.api.Test;

/**
 * The index's own queries are within the request's time: a search whose time is already up asks Lucene
 * nothing more, instead of ranking up to 10,000 candidates first and failing only when it reads labels.
 */
class SearchIndexDeadlineTest {
    @Test
    void aFindWhoseTimeIsUpStopsBeforeItsQueries() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            SearchIndex index = SearchIndex.inMemory(graph.dataset().asDatasetGraph());
            try {
                assertEquals(List.of("iCloud"), index.find("icloud").stream().filter(SearchIndex.Match::name)
                        .map(SearchIndex.Match::text).filter("iCloud"::equals).distinct().toList());
                assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofNanos(1), () -> index.find("icloud")));
            } finally {
                index.close();
            }
        }
    }
}
