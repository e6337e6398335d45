package org.custodykg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.query.Deadline;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/**
 * A Lucene index (Jena's text index) of what people may type to find an entity: its names (labels and
 * alternative labels) in one field, its descriptions and the quotations, evidence and titles about it in
 * another. One document per statement, keyed by the entity's IRI; the statement's text is stored with it,
 * so a hit can say what matched.
 *
 * <p>It indexes the data as loaded: every named graph but the ontology and the inferred graph, so the index
 * is the same whether or not the entailments were derived yet. A TDB2 store's index lives in the folder
 * {@value #FOLDER} beside the store's own folders: {@code custody load} deletes it before it changes the
 * data and writes it afresh after, and opening a store without one builds it.
 */
public final class SearchIndex implements AutoCloseable {
    /** The folder, inside a TDB2 store's folder, holding its index. */
    public static final String FOLDER = "custody-search";
    private static final String ENTITY = "iri";
    private static final String NAMES = "name";
    private static final String TEXT = "text";
    private static final String LANGUAGE = "lang";
    private static final List<Node> NAME_PREDICATES = List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(),
            SKOS.prefLabel.asNode());
    private static final List<Node> TEXT_PREDICATES = List.of(RDFS.comment.asNode(), DCTerms.description.asNode(),
            DCTerms.title.asNode(), ckg("quotation"), ckg("paraphrase"), ckg("evidence"), ckg("authoritiesLabel"));
    /** How many statements each field offers before ranking: far more than any page of hits shows. */
    private static final int CANDIDATES = 10_000;

    private final TextIndexLucene index;

    private SearchIndex(Directory directory) {
        this.index = new TextIndexLucene(directory, config());
    }

    /** One statement that matched: the entity, whether the text is one of its names, the text and its score. */
    public record Match(Node entity, boolean name, String text, float score) {}

    /** An index in memory of the dataset's text. */
    public static SearchIndex inMemory(DatasetGraph data) {
        SearchIndex built = new SearchIndex(new ByteBuffersDirectory());
        built.add(data);
        return built;
    }

    /**
     * The index beside a TDB2 store on disk, built there first if the store has none; in memory for any other
     * dataset.
     */
    public static SearchIndex of(DatasetGraph data) {
        Optional<Path> folder = folderOf(data);
        if (folder.isEmpty()) {
            return inMemory(data);
        }
        if (!Files.isDirectory(folder.get())) {
            write(data);
        }
        try {
            return new SearchIndex(FSDirectory.open(folder.get()));
        } catch (IOException e) {
            throw new DataException("cannot open the search index " + folder.get() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes a TDB2 store's index afresh from its data: built in a folder beside it, then moved into place,
     * so a reader never opens half an index. Does nothing for a dataset that is not a store on disk.
     */
    public static void write(DatasetGraph store) {
        fill(store, fresh -> fresh.add(store));
        install(store);
    }

    /**
     * Builds an index of the statements in a folder beside the store's index, where {@link #install} finds
     * it; the store's own index is untouched. Does nothing for a dataset that is not a store on disk.
     *
     * @param statementsWith all of the store's quads with a given predicate as they will be once written: for a
     *     store's first load, those of the files being loaded, held in memory, indexed while the store is still
     *     writing them
     */
    public static void build(DatasetGraph store, Function<Node, Iterator<Quad>> statementsWith) {
        fill(store, fresh -> fresh.add(statementsWith));
    }

    private static void fill(DatasetGraph store, Consumer<SearchIndex> filling) {
        Optional<Path> folder = folderOf(store);
        if (folder.isEmpty()) {
            return;
        }
        Path building = building(folder.get());
        try {
            deleteTree(building);
            try (SearchIndex fresh = new SearchIndex(FSDirectory.open(building))) {
                filling.accept(fresh);
            }
        } catch (IOException e) {
            throw new DataException("cannot write the search index " + folder.get() + " (" + e.getMessage() + ")", e);
        }
    }

    /** Moves the index {@link #build} wrote into place, replacing the store's index. */
    public static void install(DatasetGraph store) {
        Optional<Path> folder = folderOf(store);
        if (folder.isEmpty()) {
            return;
        }
        try {
            deleteTree(folder.get());
            Files.move(building(folder.get()), folder.get(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataException("cannot write the search index " + folder.get() + " (" + e.getMessage() + ")", e);
        }
    }

    /** Deletes a TDB2 store's index, and any index being built for it, before its data changes. */
    public static void forget(DatasetGraph store) {
        folderOf(store).ifPresent(folder -> {
            try {
                deleteTree(folder);
                deleteTree(building(folder));
            } catch (IOException e) {
                throw new DataException("cannot delete the search index " + folder + ", which would no longer match the data ("
                        + e.getMessage() + ")", e);
            }
        });
    }

    private static Path building(Path folder) {
        return folder.resolveSibling(FOLDER + ".building");
    }

    /**
     * The statements whose words match the query's: each word of the query as a whole word or, from two
     * letters, the start of one (any of them; statements matching more words score higher), folded as the index is. The words
     * reach Lucene escaped, so no character of the query is read as query syntax.
     */
    public List<Match> find(String query) {
        List<String> words = Folding.INSTANCE.words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        // a word of one letter would start half the words there are: it matches only itself
        String lucene = words.stream().map(QueryParserBase::escape).map(w -> w.length() > 1 ? w + " " + w + "*" : w)
                .collect(Collectors.joining(" "));
        List<Match> found = new ArrayList<>();
        // each Lucene query runs whole, so the request's time is checked before and after each
        Deadline.check();
        collect(RDFS.label.asNode(), lucene, true, found);
        Deadline.check();
        collect(RDFS.comment.asNode(), lucene, false, found);
        Deadline.check();
        return found;
    }

    private void collect(Node fieldPredicate, String lucene, boolean name, List<Match> found) {
        for (TextHit hit : index.query(fieldPredicate, lucene, null, null, CANDIDATES, null)) {
            if (hit.getNode().isURI() && hit.getLiteral() != null) {
                found.add(new Match(hit.getNode(), name, hit.getLiteral().getLiteralLexicalForm(), hit.getScore()));
            }
        }
    }

    private void add(DatasetGraph data) {
        Txn.executeRead(data, () -> add(predicate -> data.find(Node.ANY, Node.ANY, predicate, Node.ANY)));
    }

    private void add(Function<Node, Iterator<Quad>> statementsWith) {
        for (Node predicate : NAME_PREDICATES) {
            addAll(statementsWith.apply(predicate), NAMES);
        }
        for (Node predicate : TEXT_PREDICATES) {
            addAll(statementsWith.apply(predicate), TEXT);
        }
        index.commit();
    }

    private void addAll(Iterator<Quad> statements, String field) {
        statements.forEachRemaining(quad -> {
            if (indexed(quad)) {
                Node text = quad.getObject();
                Entity statement = new Entity(quad.getSubject().getURI(), null, text.getLiteralLanguage(), text.getLiteralDatatype());
                statement.put(field, text.getLiteralLexicalForm());
                index.addEntity(statement);
            }
        });
    }

    /** A statement of the data (not the ontology's, not derived) about an entity with an IRI, in text. */
    private static boolean indexed(Quad quad) {
        String graph = quad.getGraph().getURI();
        return quad.getSubject().isURI() && quad.getObject().isLiteral() && !quad.isDefaultGraph()
                && !CustodyKg.ONTOLOGY_GRAPH.equals(graph) && !CustodyKg.INFERRED_GRAPH.equals(graph);
    }

    private static TextIndexConfig config() {
        EntityDefinition fields = new EntityDefinition(ENTITY, NAMES, RDFS.label.asNode());
        NAME_PREDICATES.stream().skip(1).forEach(p -> fields.set(NAMES, p));
        fields.set(TEXT, RDFS.comment.asNode());
        TEXT_PREDICATES.stream().skip(1).forEach(p -> fields.set(TEXT, p));
        fields.setLangField(LANGUAGE);
        TextIndexConfig config = new TextIndexConfig(fields);
        config.setAnalyzer(Folding.INSTANCE);
        config.setQueryAnalyzer(Folding.INSTANCE);
        config.setValueStored(true);
        return config;
    }

    /** The index folder of a TDB2 store on disk: beside its {@code Data-NNNN}, which compaction replaces. */
    private static Optional<Path> folderOf(DatasetGraph data) {
        if (!TDBInternal.isTDB2(data)) {
            return Optional.empty();
        }
        DatasetGraphSwitchable container = TDBInternal.getDatabaseContainer(data);
        return container == null || !container.hasContainerPath() ? Optional.empty()
                : Optional.of(container.getContainerPath().resolve(FOLDER));
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Node ckg(String localName) {
        return NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + localName);
    }

    @Override
    public void close() {
        index.close();
    }
}
