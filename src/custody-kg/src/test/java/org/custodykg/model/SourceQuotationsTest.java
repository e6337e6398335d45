package org.custodykg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fact carries its source and a quotation, and every quotation in data/ is the source's own text.
 *
 * <p>The source documents live beside the repository, in {@code ../shared/sources/} (each document's
 * {@code ckg:localCopy} is relative to {@code ../shared}); the system property {@code custody.shared}
 * names another folder. Where the folder is absent the comparison with the text is skipped. Only the
 * first source, the BBC report, has a local copy; the later sources were read as web pages the project
 * does not keep, so their quotations are held to being short (a sentence or less) instead.
 */
class SourceQuotationsTest {

    /** An elision inside a quotation: the words on each side are both the source's, in that order. */
    private static final Pattern ELISION = Pattern.compile("\\s*\\[\\.\\.\\.\\]\\s*");

    /**
     * Every literal that claims to be the source's words: evidence, quotations, paraphrases, the
     * source's words for a time, period, amount, region and so on (every ckg:…AsStated property), and
     * the law's stated terms.
     */
    private static final String QUOTED = """
            SELECT ?node ?property ?text ?localCopy WHERE {
              ?node ?property ?text .
              FILTER (isLiteral(?text))
              FILTER (?property IN (ckg:evidence, ckg:quotation, ckg:paraphrase, ckg:criminalises, ckg:statedEffect,
                                    ckg:speakerRole)
                      || (STRSTARTS(STR(?property), STR(ckg:)) && STRENDS(STR(?property), "AsStated")))
              ?node ckg:source|ckg:describedIn ?source .
              OPTIONAL { ?source ckg:localCopy ?localCopy }
            } ORDER BY ?node ?property ?text""";

    private static Model model;

    @BeforeAll
    static void load() {
        model = ModelFiles.dataWithOntology();
    }

    @Test
    void everyFactHasASourceAndAQuotation() {
        List<QuerySolution> lacking = ModelFiles.select(model, """
                SELECT ?fact WHERE {
                  ?fact a ?class . ?class rdfs:subClassOf* ckg:Fact .
                  FILTER (NOT EXISTS { ?fact ckg:source ?doc . ?doc a ckg:SourceDocument }
                          || NOT EXISTS { ?fact ckg:evidence ?quotation FILTER (STRLEN(?quotation) > 0) })
                }""");
        assertEquals(List.of(), lacking, "facts without a source or a quotation");
        List<QuerySolution> silent = ModelFiles.select(model, """
                SELECT ?statement WHERE {
                  ?statement a ckg:Statement .
                  FILTER (NOT EXISTS { ?statement ckg:source ?doc . ?doc a ckg:SourceDocument }
                          || NOT EXISTS { ?statement ckg:quotation|ckg:paraphrase ?words })
                }""");
        assertEquals(List.of(), silent, "statements without a source or the speaker's words");
    }

    @Test
    void theQuotationsCoverEveryKindOfSourceWords() {
        Map<String, Integer> perProperty = new TreeMap<>();
        ModelFiles.select(model, QUOTED).forEach(row -> perProperty.merge(row.getResource("property").getLocalName(), 1, Integer::sum));
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("amountAsStated", 1),
                Map.entry("conditionAsStated", 1),
                Map.entry("criminalises", 1),
                Map.entry("dataProvidedAsStated", 4),
                Map.entry("evidence", 91),
                Map.entry("exceptionAsStated", 1),
                Map.entry("likelihoodAsStated", 1),
                Map.entry("nameAsStated", 2),
                Map.entry("paraphrase", 4),
                Map.entry("periodAsStated", 8),
                Map.entry("quotation", 7),
                Map.entry("regionAsStated", 1),
                Map.entry("speakerRole", 4),
                Map.entry("statedEffect", 1),
                Map.entry("timeAsStated", 9),
                Map.entry("workforceAsStated", 1))), perProperty);
    }

    @Test
    void everyQuotationIsTheSourcesOwnText() throws IOException {
        Path shared = Path.of(System.getProperty("custody.shared", "../shared"));
        assumeTrue(Files.isDirectory(shared.resolve("sources")),
                () -> "no source documents at " + shared.toAbsolutePath().normalize().resolve("sources") + ": skipped");
        List<String> notInTheSource = new ArrayList<>();
        int checked = 0;
        for (QuerySolution row : ModelFiles.select(model, QUOTED)) {
            String where = row.getResource("node").getLocalName() + " " + row.getResource("property").getLocalName();
            if (!row.contains("localCopy")) {
                continue;
            }
            String source = normalised(Files.readString(shared.resolve(row.getLiteral("localCopy").getString()), StandardCharsets.UTF_8));
            String quoted = row.getLiteral("text").getString();
            if (!inOrderIn(source, quoted)) {
                notInTheSource.add(where + ": \"" + quoted + "\"");
            }
            checked++;
        }
        assertEquals(List.of(), notInTheSource, "quotations that are not the source's text");
        assertEquals(81, checked, "quotations compared with the source");
    }

    /** The sources without a local copy: each quotation is one sentence or less, never a passage. */
    @Test
    void theOtherSourcesQuotationsAreShort() {
        List<String> long_ = new ArrayList<>();
        int quoted = 0;
        for (QuerySolution row : ModelFiles.select(model, QUOTED)) {
            if (row.contains("localCopy")) {
                continue;
            }
            String text = row.getLiteral("text").getString();
            if (text.length() > 260 || text.contains("\n")) {
                long_.add(row.getResource("node").getLocalName() + ": " + text.length() + " characters");
            }
            quoted++;
        }
        assertEquals(List.of(), long_, "quotations longer than a sentence");
        assertEquals(56, quoted, "quotations of the sources without a local copy");
    }

    @Test
    void aQuotationMatchesOnlyTheSourcesCharactersInTheirOrder() {
        String text = normalised("He said: \"we are reviewing the law,\" said a spokesman.\nThen he left.");
        assertTrue(inOrderIn(text, "we are reviewing the law"));
        assertTrue(inOrderIn(text, "we are reviewing [...] spokesman. Then he left."));
        assertFalse(inOrderIn(text, "we are reviewing the law."), "a full stop the source does not have");
        assertFalse(inOrderIn(text, "Then he left. [...] we are reviewing"), "parts out of order");
        assertFalse(inOrderIn(text, "we are reviewing the new law"), "a word the source does not have");
    }

    /** True when each part of the quotation between elisions occurs in the text, after the part before it. */
    static boolean inOrderIn(String text, String quotation) {
        int from = 0;
        for (String part : ELISION.split(normalised(quotation))) {
            int at = text.indexOf(part, from);
            if (part.isEmpty() || at < 0) {
                return false;
            }
            from = at + part.length();
        }
        return true;
    }

    /** Line breaks and runs of spaces count as one space: a quotation may run across the copy's lines. */
    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
