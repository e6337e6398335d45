package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.custodykg.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's parser, with its larger memory of checked IRIs, reads files as Jena's own parser does. */
class IriCachingProfileTest {
    @TempDir
    Path temp;

    @Test
    void aRelativeIriMeansWhatItsCurrentBaseMakesIt() throws Exception {
        Path file = write("bases.ttl", """
                @base <http://one.example/> .
                <a> <p> <b> .
                @base <http://two.example/> .
                <a> <p> <b> .
                """);
        Graph parsed = Loader.parseFile(file);
        assertEquals(Set.of("http://one.example/a", "http://two.example/a"),
                parsed.find().mapWith(t -> t.getSubject().getURI()).toSet());
        assertTrue(parsed.isIsomorphicWith(RDFParser.source(file).toGraph()));
    }

    @Test
    void manyMoreIrisThanItRemembersParseAsJenaParsesThem() throws Exception {
        // more distinct IRIs than slots, each met again later: remembered ones are replaced as they collide
        StringBuilder text = new StringBuilder();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 100_000; i++) {
                text.append("<http://example.org/s").append(i).append("> <http://example.org/p> <http://example.org/o")
                        .append(i % 977).append("> .\n");
            }
        }
        Path file = write("many.nt", text.toString());
        Graph parsed = Loader.parseFile(file);
        assertEquals(100_000, parsed.size());
        assertEquals(977, parsed.find().mapWith(t -> t.getObject()).toSet().size());
        assertTrue(parsed.isIsomorphicWith(RDFParser.source(file).toGraph()));
    }

    @Test
    void aBadIriIsReportedWhereverItIsMet() throws Exception {
        // the same bad IRI twice: it is never remembered, so the first is reported where it stands
        Path file = write("bad.ttl", "<http://example.org/a> <http://example.org/p> <http://example.org/%ZZ> .\n"
                + "<http://example.org/b> <http://example.org/p> <http://example.org/%ZZ> .\n");
        String message = assertThrows(DataException.class, () -> Loader.parseFile(file)).getMessage();
        assertEquals(file + ":1:47: Bad IRI: <http://example.org/%ZZ> Code: 30/ILLEGAL_PERCENT_ENCODING in PATH: The host component a percent occurred without two following hexadecimal digits.", message);
    }

    @Test
    void aFileRemembersAboutAnIriPer64BytesFrom512To65536() {
        assertEquals(512, IriCachingProfile.slotsFor(0));
        assertEquals(512, IriCachingProfile.slotsFor(5_000));
        assertEquals(1_024, IriCachingProfile.slotsFor(64_000));
        assertEquals(65_536, IriCachingProfile.slotsFor(4_194_304));
        assertEquals(65_536, IriCachingProfile.slotsFor(130_000_000L));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }
}
