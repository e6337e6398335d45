package org.custodykg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.Reasoner;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.reason.ForwardChainer;
import org.custodykg.reason.RuleSet;

/**
 * Times the forward chainer against Jena's OWL Micro reasoner on the same input: the report's graph, and a
 * generated graph of the project's shape (fixed seed). Run: see docs/notes-reason.md.
 *
 * <p>Arguments: {@code [triples] [repetitions] [micro-timeout-seconds] [generated-runs] [generated-parts]},
 * the parts a comma-separated choice of {@code all,entailment,micro}.
 */
public final class ReasonBench {
    private static final String CKG = CustodyKg.ONTOLOGY_NS;
    private static final LocalDate AS_OF = LocalDate.of(2020, 7, 7);

    private ReasonBench() {}

    /** Runs the comparison and prints the figures; arguments as in the class comment. */
    public static void main(String[] args) throws Exception {
        int triples = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int microTimeout = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int generatedRuns = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String generatedParts = args.length > 4 ? args[4] : "all,entailment,micro";
        Path repo = Path.of("").toAbsolutePath();
        RuleSet all = RuleSet.read(repo.resolve("rules"));
        RuleSet entailment = RuleSet.read(entailmentOnly(repo.resolve("rules")));

        Dataset report;
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            report = copy(graph.dataset());
        }
        System.out.println("== report graph: " + size(report) + " triples in the default (union) graph");
        bench("all rules (" + all.size() + ")", report, all, repetitions);
        bench("entailment rules only (" + entailment.size() + ")", report, entailment, repetitions);
        micro(report, repetitions, microTimeout);
        compare(report, entailment);

        Dataset generated = generate(triples, 42);
        System.out.println("== generated graph: " + size(generated) + " triples in the default (union) graph (seed 42)");
        if (generatedParts.contains("all")) {
            bench("all rules (" + all.size() + ")", generated, all, generatedRuns);
        }
        if (generatedParts.contains("entailment")) {
            bench("entailment rules only (" + entailment.size() + ")", generated, entailment, generatedRuns);
        }
        if (generatedParts.contains("micro")) {
            micro(generated, 1, microTimeout);
        }
        System.exit(0);
    }

    private static void bench(String name, Dataset input, RuleSet rules, int repetitions) {
        List<Long> millis = new ArrayList<>();
        ForwardChainer.Run last = null;
        int warmUps = repetitions > 1 ? 2 : 0;
        for (int i = 0; i < repetitions + warmUps; i++) {
            Dataset fresh = copy(input);
            last = ForwardChainer.run(fresh, rules, AS_OF);
            if (i >= warmUps) {
                millis.add(last.elapsed().toMillis());
            }
            if (i == repetitions + warmUps - 1) {
                ForwardChainer.Run again = ForwardChainer.run(fresh, rules, AS_OF);
                System.out.printf("   second run on the same dataset: added %d in %d ms%n", again.added(), again.elapsed().toMillis());
            }
        }
        StringBuilder perRule = new StringBuilder("   time per rule (last run):");
        last.timePerRule().forEach((rule, time) -> perRule.append(' ').append(rule).append('=').append(time.toMillis()).append("ms"));
        System.out.println(perRule);
        Collections.sort(millis);
        System.out.printf("%s: added %d triples in %d rounds; median %d ms, min %d ms, max %d ms over %d runs (%d warm-up runs)%n",
                name, last.added(), last.rounds(), millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1), millis.size(), warmUps);
    }

    private static void micro(Dataset input, int repetitions, int timeoutSeconds) throws Exception {
        List<Long> millis = new ArrayList<>();
        long entailed = 0;
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "owl-micro");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < repetitions + (repetitions > 1 ? 2 : 0); i++) {
            Graph union = unionGraph(input);
            Future<long[]> run = executor.submit(() -> {
                long start = System.nanoTime();
                Reasoner reasoner = ReasonerRegistry.getOWLMicroReasoner();
                InfModel inf = ModelFactory.createInfModel(reasoner, ModelFactory.createModelForGraph(union));
                inf.prepare();
                long size = 0;
                for (var it = inf.getGraph().find(); it.hasNext(); it.next()) {
                    size++;
                }
                return new long[] {(System.nanoTime() - start) / 1_000_000, size - union.size()};
            });
            try {
                long[] result = run.get(timeoutSeconds, TimeUnit.SECONDS);
                if (repetitions == 1 || i >= 2) {
                    millis.add(result[0]);
                }
                entailed = result[1];
            } catch (TimeoutException e) {
                System.out.printf("OWL Micro: no result within %d s (gave up)%n", timeoutSeconds);
                return;
            }
        }
        Collections.sort(millis);
        System.out.printf("OWL Micro (prepare + list the whole closure): %d more triples; median %d ms, min %d ms, max %d ms over %d runs%n",
                entailed, millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1), millis.size());
    }

    /** Which of the entailment rules' conclusions OWL Micro draws too, and what it draws beyond them. */
    private static void compare(Dataset input, RuleSet entailment) {
        Dataset ours = copy(input);
        ForwardChainer.run(ours, entailment, AS_OF);
        Graph oursGraph = Txn.calculateRead(ours, () -> copyGraph(ours.asDatasetGraph().getDefaultGraph()));
        Graph union = unionGraph(input);
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), ModelFactory.createModelForGraph(union));
        Set<Triple> micro = new HashSet<>();
        inf.getGraph().find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isConcrete() && !t.getObject().isBlank()) {
                micro.add(t);
            }
        });
        long ourNew = 0;
        long missedByMicro = 0;
        for (Triple t : oursGraph.find().toList()) {
            if (!union.contains(t)) {
                ourNew++;
                if (!micro.contains(t)) {
                    missedByMicro++;
                    System.out.println("   not drawn by OWL Micro: " + t);
                }
            }
        }
        long microNew = micro.stream().filter(t -> !union.contains(t)).count();
        long microBeyond = micro.stream().filter(t -> !union.contains(t) && !oursGraph.contains(t)).count();
        long microBeyondData = micro.stream().filter(t -> !union.contains(t) && !oursGraph.contains(t)
                && t.getSubject().getURI().startsWith(CustodyKg.ID_BASE)).count();
        Node partOf = NodeFactory.createURI(CKG + "partOf");
        Set<Triple> ourPartOf = new HashSet<>(oursGraph.find(Node.ANY, partOf, Node.ANY).toList());
        Set<Triple> microPartOf = new HashSet<>(inf.getGraph().find(Node.ANY, partOf, Node.ANY).toList());
        System.out.printf("compare on the report graph: rules derive %d new triples, %d of them not drawn by OWL Micro;%n"
                + "   OWL Micro derives %d new triples with IRI subject and non-blank object, %d beyond the rules'"
                + " (%d about data entities, the rest about ontology/vocabulary terms); ckg:partOf closure equal: %s (%d triples)%n",
                ourNew, missedByMicro, microNew, microBeyond, microBeyondData, ourPartOf.equals(microPartOf), ourPartOf.size());
    }

    private static Path entailmentOnly(Path rules) throws IOException {
        Path dir = Files.createTempDirectory("entailment-rules");
        for (String stratum : new String[] {"1-entailment", "2-places"}) {
            Files.createDirectories(dir.resolve(stratum));
            try (var files = Files.list(rules.resolve(stratum))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(stratum).resolve(f.getFileName()));
                }
            }
        }
        return dir;
    }

    private static Dataset copy(Dataset source) {
        Dataset target = DatasetFactory.createTxnMem();
        Txn.executeRead(source, () -> Txn.executeWrite(target, () -> {
            source.asDatasetGraph().find().forEachRemaining(target.asDatasetGraph()::add);
            source.asDatasetGraph().getDefaultGraph().find().forEachRemaining(target.asDatasetGraph().getDefaultGraph()::add);
        }));
        return target;
    }

    private static Graph unionGraph(Dataset source) {
        return Txn.calculateRead(source, () -> copyGraph(source.asDatasetGraph().getDefaultGraph()));
    }

    private static Graph copyGraph(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }

    private static long size(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().getDefaultGraph().size());
    }

    /**
     * A graph of the report's shape, scaled: states split into legal regions with data centres, one
     * authority per region, companies with services, and per service storage, key-custody and operation
     * facts in two regions; some legal channels, pauses and transparency figures. Every fact has a label,
     * a source and evidence, as in data/.
     */
    static Dataset generate(int targetTriples, long seed) {
        Random random = new Random(seed);
        Dataset dataset;
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            dataset = DatasetFactory.createTxnMem();
            Dataset ontologyOnly = graph.dataset();
            Txn.executeRead(ontologyOnly, () -> Txn.executeWrite(dataset, () -> ontologyOnly.asDatasetGraph()
                    .find(NodeFactory.createURI(CustodyKg.ONTOLOGY_GRAPH), Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> {
                        dataset.asDatasetGraph().add(q);
                        dataset.asDatasetGraph().getDefaultGraph().add(q.asTriple());
                    })));
        }
        Txn.executeWrite(dataset, () -> new Generator(dataset.asDatasetGraph(), random).fill(targetTriples));
        return dataset;
    }

    /** Writes the generated quads into one source graph and the union copy. */
    private static final class Generator {
        private final DatasetGraph dsg;
        private final Random random;
        private final Node graph = NodeFactory.createURI(CustodyKg.sourceGraph("generated"));
        private final Node source = id("source", "generated");
        private final List<Node> regions = new ArrayList<>();
        private final List<Node> dataCentres = new ArrayList<>();
        private final List<Node> authorities = new ArrayList<>();
        private final List<Node> companies = new ArrayList<>();
        private final Node[] categories = {ckg("UserFiles"), ckg("CloudAccountData"), ckg("MessageBackups"), ckg("NonContentData")};
        private int facts;
        private long written;

        Generator(DatasetGraph dsg, Random random) {
            this.dsg = dsg;
            this.random = random;
        }

        void fill(int targetTriples) {
            add(source, RDF.type.asNode(), ckg("SourceDocument"));
            label(source, "generated source");
            add(id("group", "device-owners"), RDF.type.asNode(), ckg("UserGroup"));
            Node treaty = id("law", "treaty");
            add(treaty, RDF.type.asNode(), ckg("MutualLegalAssistanceTreaty"));
            int unit = 0;
            while (written < targetTriples) {
                addRegion(unit++);
            }
        }

        private void addRegion(int n) {
            Node state = id("place", "state-" + n / 4);
            add(state, RDF.type.asNode(), ckg("State"));
            label(state, "state " + n / 4);
            Node region = id("place", "region-" + n);
            add(region, RDF.type.asNode(), ckg("LegalRegion"));
            add(region, ckg("partOf"), state);
            label(region, "region " + n);
            regions.add(region);
            Node authority = id("organisation", "authority-" + n);
            add(authority, RDF.type.asNode(), ckg(n % 2 == 0 ? "Authority" : "LawEnforcementAuthority"));
            add(authority, ckg("hasJurisdiction"), region);
            label(authority, "authority " + n);
            authorities.add(authority);
            for (int c = 0; c < 10; c++) {
                Node company = id("organisation", "company-" + n + "-" + c);
                add(company, RDF.type.asNode(), ckg(c == 9 ? "LocalOperator" : "Company"));
                add(company, ckg("basedIn"), pick(regions));
                label(company, "company " + n + "-" + c);
                companies.add(company);
                if (c < 3) {
                    Node centre = id("place", "dc-" + n + "-" + c);
                    add(centre, RDF.type.asNode(), ckg("DataCentre"));
                    add(centre, ckg("partOf"), region);
                    add(centre, ckg("controlledBy"), company);
                    label(centre, "data centre " + n + "-" + c);
                    dataCentres.add(centre);
                }
                for (int s = 0; s < 5; s++) {
                    addService(company, n + "-" + c + "-" + s);
                }
                if (random.nextInt(10) == 0) {
                    addChannelOrStance(company);
                }
            }
        }

        private void addService(Node company, String name) {
            Node service = id("service", "service-" + name);
            add(service, RDF.type.asNode(), ckg("Service"));
            add(service, ckg("providedBy"), company);
            label(service, "service " + name);
            for (int r = 0; r < 2; r++) {
                Node region = pick(regions);
                Node category = categories[random.nextInt(categories.length)];
                Node storage = fact("DataStorage", service, region);
                add(storage, ckg("dataCategory"), category);
                add(storage, ckg("storedIn"), pick(dataCentres));
                Node custody = fact("KeyCustody", service, region);
                add(custody, ckg("dataCategory"), category);
                boolean endToEnd = random.nextInt(1000) == 0;
                add(custody, ckg("keyHolder"), endToEnd ? id("group", "device-owners") : company);
                add(custody, ckg("encryption"), ckg(endToEnd ? "EndToEndEncryption" : "ProviderHeldKeyEncryption"));
                if (!endToEnd) {
                    add(custody, ckg("keysStoredIn"), pick(regions));
                }
                Node operation = fact("ServiceOperation", service, null);
                add(operation, ckg("region"), region);
                boolean local = random.nextInt(5) == 0;
                add(operation, ckg("operator"), local ? pick(companies) : company);
                add(operation, ckg("operationMode"), ckg(local ? "ThroughLocalOperator" : "DirectProvision"));
            }
        }

        private void addChannelOrStance(Node company) {
            Node channel = fact("LegalChannel", null, null);
            add(channel, ckg("requestingAuthority"), pick(authorities));
            add(channel, ckg("targetOrganisation"), company);
            add(channel, ckg("instrument"), id("law", "treaty"));
            add(channel, ckg("reviewedBy"), pick(authorities));
            add(channel, ckg("dataCategory"), ckg("ContentData"));
            Node stance = fact("Stance", null, null);
            add(stance, ckg("stanceHolder"), company);
            add(stance, ckg("stanceType"), ckg("Pause"));
            add(stance, ckg("towardAuthority"), pick(authorities));
            add(stance, ckg("announcedNoEarlierThan"), date("2020-06-30"));
            add(stance, ckg("announcedNoLaterThan"), date("2020-07-07"));
            Node statistics = fact("RequestStatistics", null, null);
            add(statistics, ckg("requestingAuthority"), pick(authorities));
            add(statistics, ckg("targetOrganisation"), company);
            add(statistics, ckg("dataProvided"), ckg("NonContentData"));
        }

        private Node fact(String type, Node service, Node usersIn) {
            Node fact = id("fact", "fact-" + facts++);
            add(fact, RDF.type.asNode(), ckg(type));
            label(fact, type + " " + facts);
            add(fact, ckg("source"), source);
            add(fact, ckg("evidence"), NodeFactory.createLiteralString("generated evidence " + facts));
            if (service != null) {
                add(fact, ckg("service"), service);
            }
            if (usersIn != null) {
                add(fact, ckg("usersIn"), usersIn);
            }
            return fact;
        }

        private Node pick(List<Node> nodes) {
            return nodes.get(random.nextInt(nodes.size()));
        }

        private void label(Node node, String text) {
            add(node, RDFS.label.asNode(), NodeFactory.createLiteralLang(text, "en"));
        }

        private void add(Node s, Node p, Node o) {
            dsg.add(Quad.create(graph, s, p, o));
            dsg.getDefaultGraph().add(Triple.create(s, p, o));
            written++;
        }

        private static Node date(String lexical) {
            return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdate);
        }

        private static Node id(String kind, String name) {
            return NodeFactory.createURI(CustodyKg.ID_BASE + kind + "/" + name);
        }

        private static Node ckg(String local) {
            return NodeFactory.createURI(CKG + local);
        }
    }

}
