package org.custodykg.reason;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.ArgumentException;
import org.custodykg.cache.BoundedCache;
import org.custodykg.cache.Footprint;
import org.custodykg.query.SingleFlight;
import org.custodykg.CustodyKg;
import org.custodykg.Entity;

/**
 * Answers "can authority A obtain service S's data — and how?" on demand: the rules that read a question
 * run with A, S and the date bound in their planned algebra (see {@link ForwardChainer#derive}), into a
 * scratch graph over the data that is read and dropped; nothing is derived for questions nobody asked,
 * and asking never writes the dataset. The answer is kept until the data changes, in a cache bounded in
 * bytes ({@link #DEFAULT_LIMIT_BYTES} unless {@link #limitBytes} sets another): each answer is weighed by
 * {@link Footprint}, under each of its two keys (the words asked, the entities they name), least recently
 * used first out.
 *
 * <pre>{@code
 * AccessAnswer answer = paths.answer("Hong Kong", "iCloud", Optional.of(LocalDate.of(2020, 7, 7)), false);
 * }</pre>
 */
public final class AccessPaths {
    /** The earliest date that may be asked about. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date that may be asked about. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final String CKG = CustodyKg.ONTOLOGY_NS;
    /** The default limit of the kept answers: 32 MiB. */
    public static final long DEFAULT_LIMIT_BYTES = 32L << 20;
    private static final Node AUTHORITY = ckg("authority");
    private static final Node ROUTE_SERVICE = ckg("routeService");

    private final Dataset dataset;
    private final RuleSet rules;
    private final Names names;
    private final LongSupplier version;
    /** Answers by the question as asked ({@link Asked}) and as resolved ({@link Question}). */
    private final BoundedCache<Object, AccessAnswer> cache = new BoundedCache<>("access cache", DEFAULT_LIMIT_BYTES,
            (question, answer) -> BoundedCache.ENTRY_BYTES + Footprint.of(question) + Footprint.of(answer));
    private final SingleFlight<Question, AccessAnswer> deriving = new SingleFlight<>();
    private long cachedVersion;
    /** For a remote store: the rules as they are sent to it, for the data's version {@link #shippedVersion}. */
    private final boolean shipRules;
    private ShippedRules shipped;
    private long shippedVersion;
    /** The newest source's date at {@link #cachedVersion}, once read. */
    private Optional<LocalDate> cachedNewest;

    /** The question in the words it was asked: a repeated question is answered without resolving its names. */
    private record Asked(String authority, String service, Optional<LocalDate> asOf, boolean assumptions) {}

    /** @param asked the authority named, or the jurisdiction whose authorities were asked about */
    private record Question(Node asked, List<Node> authorities, Node service, LocalDate asOf, boolean defaulted,
            boolean assumptions) {}

    /**
     * @param dataset the data, with its entailments materialised ({@link ForwardChainer#materialiseEntailments})
     * @param version the data's version: answers are kept while it stays the same
     */
    public AccessPaths(Dataset dataset, RuleSet rules, Names names, LongSupplier version) {
        this(dataset, rules, names, version, false);
    }

    /**
     * @param shipRules true when the dataset stands for a remote store that answers whole queries: each
     *     rule is then sent to it as one query with the question bound ({@link ShippedRules}), not looked
     *     up pattern by pattern
     */
    public AccessPaths(Dataset dataset, RuleSet rules, Names names, LongSupplier version, boolean shipRules) {
        this.dataset = dataset;
        this.rules = rules;
        this.names = names;
        this.version = version;
        this.shipRules = shipRules;
    }

    /**
     * The routes from an authority to a service's data, as of a date.
     *
     * @param authority an authority's name or IRI ("Hong Kong law enforcement"), or a jurisdiction's
     *     ("Hong Kong"), meaning every authority of that jurisdiction
     * @param service a service's name or IRI ("iCloud")
     * @param asOf the date, from {@link #EARLIEST} to {@link #LATEST}; when empty, the newest source's date
     *     (today when no source has one)
     * @param assumptions true to include assumed routes (each names its presumption)
     * @throws ArgumentException naming the parameter when a name matches nothing (with near misses as
     *     candidates), or several things, or the date is out of range
     */
    public AccessAnswer answer(String authority, String service, Optional<LocalDate> asOf, boolean assumptions) {
        asOf.ifPresent(date -> checkDate("asOf", date));
        long now = version.getAsLong();
        Asked words = new Asked(authority, service, asOf, assumptions);
        AccessAnswer kept = kept(now, words);
        if (kept != null) {
            return kept;
        }
        // the one rule for names (a jurisdiction, or "Hong Kong authorities", means its authorities)
        List<Node> authorities;
        try {
            authorities = names.resolveAll("authority", authority, CKG + "GovernmentBody");
        } catch (ArgumentException unknownName) {
            if (!unknownName.candidates().isEmpty()) {
                throw unknownName;
            }
            throw unknown("authority", authority, "an authority, or a jurisdiction (meaning all its authorities)",
                    CKG + "GovernmentBody", CKG + "Jurisdiction");
        }
        Node asked = authorities.size() == 1 ? authorities.get(0) : jurisdictionNamed(authority).orElse(authorities.get(0));
        Node serviceNode = resolve("service", service, CKG + "Service", "a service");
        Optional<LocalDate> newest = newest(now);
        LocalDate date = asOf.orElseGet(() -> newest.orElseGet(() -> LocalDate.now(ZoneOffset.UTC)));
        Question question = new Question(asked, authorities, serviceNode, date, asOf.isEmpty(), assumptions);
        AccessAnswer found = kept(now, question);
        if (found == null) {
            // many clients asking the same new question wait for one derivation
            found = deriving.get(question, () -> Txn.calculateRead(dataset, () -> derive(question, newest)));
        }
        synchronized (cache) {
            if (now == cachedVersion) {
                cache.put(question, found);
                cache.put(words, found);
            }
        }
        return found;
    }

    /** The answer kept for the question at this version of the data, if any (forgets older versions' answers). */
    private AccessAnswer kept(long now, Object question) {
        synchronized (cache) {
            if (now != cachedVersion) {
                cache.clear();
                cachedNewest = null;
                cachedVersion = now;
            }
            return cache.get(question);
        }
    }

    /** The newest source's date, read once per version of the data (it scans every source document). */
    private Optional<LocalDate> newest(long now) {
        synchronized (cache) {
            if (now == cachedVersion && cachedNewest != null) {
                return cachedNewest;
            }
        }
        Optional<LocalDate> newest = Txn.calculateRead(dataset, () -> Sources.newest(ForwardChainer.union(dataset)));
        synchronized (cache) {
            if (now == cachedVersion) {
                cachedNewest = newest;
            }
        }
        return newest;
    }

    /** How many answers are kept (each counted under its two keys), their estimated bytes and the limit. */
    public BoundedCache.Usage usage() {
        return cache.usage();
    }

    /**
     * Sets the most bytes the kept answers may take, dropping the least recently used beyond it.
     *
     * @throws IllegalArgumentException if the limit is negative
     */
    public void limitBytes(long limit) {
        cache.limitBytes(limit);
    }

    /** Forgets the kept answers (after changing an in-memory dataset directly). */
    public void clear() {
        synchronized (cache) {
            cache.clear();
            cachedNewest = null;
        }
    }

    private AccessAnswer derive(Question question, Optional<LocalDate> newest) {
        ShippedRules shipped = shipped();
        // over a remote store, what this question reads of an entity is fetched once, not pattern by pattern
        Graph base = shipped == null ? ForwardChainer.union(dataset) : ShippedRules.bySubject(ForwardChainer.union(dataset));
        Graph scratch = GraphFactory.createDefaultGraph();
        Graph view = shipped == null ? new Layered(base, scratch) : shipped.view(base, scratch);
        Node date = NodeFactory.createLiteralDT(question.asOf().toString(), XSDDatatype.XSDdate);
        List<Node> services = new ArrayList<>(carriers(base, question.service()));
        services.add(question.service());
        for (Node authority : question.authorities()) {
            for (Node service : services) {
                ForwardChainer.derive(view, rules, Map.of("authority", authority, "service", service, "asOf", date), scratch,
                        shipped);
            }
        }
        RouteReader reader = new RouteReader(view, names, question.asOf());
        List<AccessRoute> shown = new ArrayList<>();
        int assumedLeftOut = 0;
        for (Node authority : question.authorities()) {
            for (Node route : scratch.find(Node.ANY, AUTHORITY, authority).mapWith(t -> t.getSubject()).toList()) {
                if (!scratch.contains(route, ROUTE_SERVICE, question.service()) || !scratch.contains(route, ckg("asOf"), date)) {
                    continue;
                }
                AccessRoute read = reader.read(route);
                if (read.assumed() && !question.assumptions()) {
                    assumedLeftOut++;
                    continue;
                }
                shown.add(read);
            }
        }
        shown.sort(ORDER);
        Entity authority = entity(question.asked());
        Entity service = entity(question.service());
        String dateNote = Sources.dateNote(question.asOf(), question.defaulted(), newest);
        Optional<String> noRoute = NoRouteReason.of(shown, assumedLeftOut, authority, service, base);
        return new AccessAnswer(authority, service, question.asOf(), newest, dateNote,
                question.assumptions(), shown, assumedLeftOut, noRoute);
    }

    private synchronized ShippedRules shipped() {
        if (!shipRules) {
            return null;
        }
        long now = version.getAsLong();
        if (shipped == null || shippedVersion != now) {
            shipped = ShippedRules.over(dataset.asDatasetGraph(), rules);
            shippedVersion = now;
        }
        return shipped;
    }

    /** The services whose data holds back-ups of this one's (ckg:DataBackup): their routes reach it too. */
    private static List<Node> carriers(Graph base, Node service) {
        return base.find(Node.ANY, ckg("backupOf"), service).mapWith(t -> t.getSubject())
                .filterKeep(backup -> isA(base, backup, "DataBackup"))
                .mapWith(backup -> base.find(backup, ckg("service"), Node.ANY).mapWith(t -> t.getObject()).toList())
                .toList().stream().flatMap(List::stream).distinct().sorted(Comparator.comparing(Node::getURI)).toList();
    }

    private static final Comparator<AccessRoute> ORDER = Comparator.comparing((AccessRoute r) -> r.authority().label())
            .thenComparing(r -> r.grade().label(), Comparator.comparing(AccessPaths::gradeRank))
            .thenComparing(r -> r.kind().label())
            .thenComparing(r -> r.dataCategory().map(Entity::label).orElse(""))
            .thenComparing(r -> r.usersIn().label())
            .thenComparing(AccessRoute::iri);

    private static int gradeRank(String gradeLabel) {
        return switch (gradeLabel) {
            case "stated" -> 0;
            case "derived" -> 1;
            default -> 2;
        };
    }

    private Entity entity(Node node) {
        return new Entity(node.getURI(), names.label(node));
    }

    /**
     * Checks a date asked about is from {@link #EARLIEST} to {@link #LATEST}.
     *
     * @param parameter the parameter's name, for the message ("asOf", "--as-of")
     * @return the date
     * @throws ArgumentException naming the parameter when it is out of range
     */
    public static LocalDate checkDate(String parameter, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new ArgumentException(parameter, "expected a date from " + EARLIEST + " to " + LATEST
                    + ", but got '" + date + "'");
        }
        return date;
    }

    /** The jurisdiction the name means, when it names one (the answer is about all its authorities). */
    private Optional<Node> jurisdictionNamed(String name) {
        try {
            return Optional.of(names.resolve("authority", name, CKG + "Jurisdiction"));
        } catch (ArgumentException notAJurisdiction) {
            return Optional.empty();
        }
    }

    private Node resolve(String parameter, String name, String classIri, String expected) {
        try {
            return names.resolve(parameter, name, classIri);
        } catch (ArgumentException e) {
            if (!e.candidates().isEmpty()) {
                throw e;
            }
            throw unknown(parameter, name, expected, classIri);
        }
    }

    private ArgumentException unknown(String parameter, String name, String expected, String... classIris) {
        Set<String> close = new LinkedHashSet<>();
        for (String classIri : classIris) {
            close.addAll(names.nearMisses(name, classIri));
        }
        String shown = (name.length() > 80 ? name.substring(0, 80) + "…" : name).replaceAll("\\p{Cntrl}", "?");
        String message = "nothing called '" + shown + "' is " + expected + " in this graph";
        return new ArgumentException(parameter, close.isEmpty() ? message + " (expected a name, an alternative name or an IRI)"
                : message + "; did you mean: " + String.join(", ", close) + "?", List.copyOf(close));
    }

    static Node ckg(String localName) {
        return NodeFactory.createURI(CKG + localName);
    }

    static boolean isA(Graph graph, Node node, String classLocalName) {
        return graph.contains(node, RDF.type.asNode(), ckg(classLocalName));
    }
}
