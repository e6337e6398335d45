package org.custodykg.reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.Layout;
import org.custodykg.query.QueryRunner;

/**
 * The derivation rules of a {@code rules/} folder: each sub-folder, in name order, is a stratum of SPARQL
 * CONSTRUCT files run together to a fixpoint before the next stratum starts. Immutable once read.
 */
public final class RuleSet {
    private static final Map<Path, RuleSet> READ = new ConcurrentHashMap<>();
    /**
     * How {@link ForwardChainer} draws conclusions from the rules; part of the fingerprint. Change it
     * whenever the chainer would derive something different from the same rules, so that stores derive again.
     */
    static final String CHAINER = "forward chainer 2: strata to a fixpoint, entailments materialised, the rest per question";
    private final List<List<Rule>> strata;
    /** {@link #strata} split once: telling them apart serialises each query, which a cold process pays dearly for. */
    private final List<List<Rule>> entailments;
    private final List<List<Rule>> perQuestion;
    private volatile String fingerprint;

    /**
     * One rule: its name ({@code FOLDER/NAME}), its IRI (for {@code ckg:derivedBy}), its parsed query, what
     * it reads (see {@link RuleReads}), and its query's algebra, compiled and optimised once: a rule runs
     * many times (each round of each question), and planning it each time, with the question's values put
     * into its syntax, was as much of a question's time as reading the data.
     */
    record Rule(String name, Node iri, Query query, RuleReads reads, Op plan) {
        Rule(String name, Node iri, Query query, RuleReads reads) {
            this(name, iri, query, reads, planned(query));
        }

        private static Op planned(Query query) {
            Query pattern = query.cloneQuery();
            pattern.setQueryResultStar(true); // every variable, as a CONSTRUCT's template reads them
            return Algebra.optimize(Algebra.compile(pattern));
        }

        private static final java.util.regex.Pattern QUESTION =
                java.util.regex.Pattern.compile("[?$](asOf|authority|service)\\b");

        /**
         * True when the rule mentions {@code ?asOf}, {@code ?authority} or {@code ?service}: its conclusions
         * depend on the question, so it runs per question with those values bound.
         */
        boolean readsQuestion() {
            return QUESTION.matcher(query.serialize()).find();
        }
    }

    private RuleSet(List<List<Rule>> strata) {
        this.strata = strata;
        this.entailments = select(strata, false);
        this.perQuestion = select(strata, true);
    }

    /** The rules packed into the jar. */
    public static RuleSet embedded() {
        return read(Layout.embedded().ontology().getParent().resolve("rules"));
    }

    /**
     * The rules beside a layout's ontology ({@code rules/} of a repository-shaped folder), or the embedded
     * rules when there is no such folder. Each folder is read once.
     */
    public static RuleSet forLayout(Layout layout) {
        Path dir = layout.ontology().getParent().resolve("rules");
        return Files.isDirectory(dir) ? read(dir) : embedded();
    }

    /**
     * Reads every {@code *.rq} file of the folder's sub-folders.
     *
     * @throws DataException naming the file, line and column of a syntax error, or a file that is not a
     *     CONSTRUCT query or does not start with a comment block
     */
    public static RuleSet read(Path dir) {
        return READ.computeIfAbsent(dir.toAbsolutePath().normalize(), RuleSet::parseFolder);
    }

    /** How many rules there are, over all strata. */
    public int size() {
        return strata.stream().mapToInt(List::size).sum();
    }

    /** The rule names ({@code FOLDER/NAME}) in the order they run. */
    public List<String> names() {
        return strata.stream().flatMap(List::stream).map(Rule::name).toList();
    }

    /**
     * A digest of the name and query of every rule that is materialised ({@link #entailments}), in running
     * order, and of {@link #CHAINER}: it changes when any of them does, which tells a store whose inferred
     * graph was derived by other rules (see {@code store.InferredMark}). The rules run per question are
     * left out: nothing of theirs is stored, so changing them leaves every store current.
     */
    public String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            known = digest();
            fingerprint = known;
        }
        return known;
    }

    private String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((CHAINER + "\n").getBytes(StandardCharsets.UTF_8));
            for (Rule rule : entailments().stream().flatMap(List::stream).toList()) {
                digest.update((rule.name() + "\n" + rule.query().serialize() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    List<List<Rule>> strata() {
        return strata;
    }

    /**
     * The rules that read no part of a question, in their strata: their conclusions are the same for every
     * question, so they are materialised once (see {@link ForwardChainer#materialiseEntailments}).
     */
    List<List<Rule>> entailments() {
        return entailments;
    }

    /** The rules that read the question ({@link Rule#readsQuestion()}), in their strata. */
    List<List<Rule>> perQuestion() {
        return perQuestion;
    }

    private static List<List<Rule>> select(List<List<Rule>> strata, boolean readsQuestion) {
        return strata.stream().map(s -> s.stream().filter(r -> r.readsQuestion() == readsQuestion).toList())
                .filter(s -> !s.isEmpty()).toList();
    }

    private static RuleSet parseFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": expected a folder of rule folders, but it does not exist");
        }
        List<List<Rule>> strata = new ArrayList<>();
        for (Path folder : sortedChildren(dir, Files::isDirectory)) {
            List<Rule> stratum = new ArrayList<>();
            for (Path file : sortedChildren(folder, f -> f.getFileName().toString().endsWith(".rq"))) {
                stratum.add(parseRule(folder.getFileName() + "/" + stem(file), file));
            }
            if (!stratum.isEmpty()) {
                strata.add(List.copyOf(stratum));
            }
        }
        return new RuleSet(List.copyOf(strata));
    }

    private static Rule parseRule(String name, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the rule (" + e.getMessage() + ")", e);
        }
        if (!text.startsWith("#")) {
            throw new DataException(file + ":1:1: a rule must start with a comment block saying what it derives and why");
        }
        Query query = QueryRunner.parse(file.toString(), text);
        if (!query.isConstructType()) {
            throw new DataException(file + ": a rule must be a CONSTRUCT query, but this is " + query.queryType());
        }
        return new Rule(name, NodeFactory.createURI(CustodyKg.ID_BASE + "rule/" + name), query, RuleReads.of(query));
    }

    private static List<Path> sortedChildren(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(keep).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".rq".length());
    }
}
