package org.custodykg.generate;

import static org.custodykg.generate.Emitter.ckg;
import static org.custodykg.generate.Emitter.english;
import static org.custodykg.generate.Emitter.id;
import static org.custodykg.generate.Emitter.integer;
import static org.custodykg.generate.Emitter.text;
import static org.custodykg.generate.Emitter.typed;
import static org.custodykg.generate.Emitter.uri;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * The shape of the generated world, written in the project's ontology: jurisdictions with their
 * authorities and laws, treaties between states, companies with their services, data centres and
 * transparency reports, and then facts about them, each citing a generated source document.
 *
 * <p>The facts are made so that routes of every kind and grade exist: every other data centre lies where
 * the firm controlling it is based (a local firm), a service run through a local operator names a firm
 * based where it operates, a legal channel aims at the service and users of the storage or key-custody
 * fact before it (through a treaty, via the company's home government, or asked for directly), and data
 * back-ups let one service's routes reach another's.
 *
 * <p>Every random choice comes from one seeded generator consumed in a fixed order, so a seed and a
 * size always give the same triples in the same order.
 */
final class Domain {
    static final int STATES = 200;
    static final int REGIONS = 50;
    static final int JURISDICTIONS = STATES + REGIONS;
    static final int TREATIES = 300;
    static final int SERVICES_PER_COMPANY = 4;
    static final int FACTS_PER_SOURCE = 100;
    /** The most triples one fact can take, including the source document it may open. */
    static final int LARGEST_FACT = 12 + 5;
    private static final int TRIPLES_PER_COMPANY = 2500;
    private static final String[] STANCES = {"Pause", "Assessment", "Refusal", "Compliance", "MarketExit"};
    private static final String[] CATEGORIES = {"ContentData", "NonContentData", "Conversations", "CloudAccountData",
        "MessageBackups", "UserFiles"};
    private static final String[] COUNTED = {"Accounts", "Devices", "Requests"};
    private static final Node SOURCE = ckg("source");
    private static final Node DESCRIBED_IN = ckg("describedIn");
    private static final Node EVIDENCE = ckg("evidence");
    private static final Node REGISTRY = id("source", "registry");

    private final Emitter out;
    private final SplittableRandom random;
    private final int companies;
    private final int[][] treaties = new int[TREATIES][];
    /** The state each company is based in, and the companies based in each state. */
    private final int[] homes;
    private final List<List<Integer>> basedIn = new ArrayList<>();
    /** The company, service and users' place of the latest storage or key-custody fact. */
    private int[] anchor = {0, 0, 0};
    private long facts;
    private Node currentSource;

    Domain(Emitter out, long seed, long triples) {
        this.out = out;
        this.random = new SplittableRandom(seed);
        this.companies = companiesFor(triples);
        this.homes = new int[companies];
    }

    /** How many companies a graph of that size has: one per 2,500 triples, at least four. */
    static int companiesFor(long triples) {
        return (int) Math.max(4, Math.min(Integer.MAX_VALUE / SERVICES_PER_COMPANY, triples / TRIPLES_PER_COMPANY));
    }

    /** The companies, services and world, before any fact; their triple count is fixed for a size. */
    void writeEntities() {
        writeSource(REGISTRY, "registry of generated entities", "2020-01-01");
        for (int j = 0; j < JURISDICTIONS; j++) {
            writeJurisdiction(j);
        }
        for (int t = 0; t < TREATIES; t++) {
            writeTreaty(t);
        }
        Node owners = id("group", "device-owners");
        out.typed(owners, ckg("UserGroup"), "Gen device owners");
        out.add(owners, DESCRIBED_IN, REGISTRY);
        for (int state = 0; state < STATES; state++) {
            basedIn.add(new ArrayList<>());
        }
        for (int c = 0; c < companies; c++) {
            homes[c] = random.nextInt(STATES);
            basedIn.get(homes[c]).add(c);
        }
        for (int c = 0; c < companies; c++) {
            writeCompany(c);
        }
    }

    /** Writes one fact of the kind its position in the sequence calls for. */
    void writeFact() {
        if (facts % FACTS_PER_SOURCE == 0) {
            long number = facts / FACTS_PER_SOURCE;
            currentSource = id("source", Long.toString(number));
            writeSource(currentSource, "generated report " + number, date(2015 + (int) (number % 10)));
        }
        Node fact = id("fact", Long.toString(facts));
        int company = random.nextInt(companies);
        int service = random.nextInt(SERVICES_PER_COMPANY);
        int place = random.nextInt(JURISDICTIONS);
        switch ((int) (facts % 10)) {
            case 0, 1 -> keyCustody(fact, company, service, place);
            case 2, 3 -> storage(fact, company, service, place);
            case 4 -> operation(fact, company, service, place);
            case 5 -> {
                if (facts % 20 == 5) {
                    availability(fact, company, service, place);
                } else {
                    backup(fact);
                }
            }
            case 6 -> stance(fact, company, place);
            case 7 -> legalChannel(fact);
            default -> statistics(fact, company, place);
        }
        out.add(fact, EVIDENCE, text("Synthetic evidence for generated fact " + facts + "."));
        out.add(fact, SOURCE, currentSource);
        facts++;
    }

    /** Pads to an exact size with alternative names of the first company (any number is allowed). */
    void writeAlias(long number) {
        out.add(company(0), uri("http://www.w3.org/2004/02/skos/core#altLabel"),
                english("Gen company 0, alias " + number));
    }

    long facts() {
        return facts;
    }

    private void writeSource(Node source, String title, String issued) {
        out.typed(source, ckg("SourceDocument"), "Gen " + title);
        out.add(source, uri("http://purl.org/dc/terms/title"), english("Gen " + title));
        out.add(source, uri("http://purl.org/dc/terms/publisher"), text("custody-kg generator"));
        out.add(source, uri("http://purl.org/dc/terms/issued"), typed(issued, XSDDatatype.XSDdate));
        out.add(source, ckg("noUrlReason"), text("A generated document, published nowhere."));
    }

    private void writeJurisdiction(int j) {
        Node place = place(j);
        if (j < STATES) {
            out.typed(place, ckg("State"), "Gen state " + j);
        } else {
            boolean sar = j % 2 == 0;
            out.typed(place, ckg(sar ? "SpecialAdministrativeRegion" : "LegalRegion"), "Gen region " + j);
            out.add(place, ckg("partOf"), place(j % 20));
        }
        out.add(place, DESCRIBED_IN, REGISTRY);
        writeAuthority(authority(j), ckg("Authority"), "Gen government of place " + j, place);
        writeAuthority(police(j), ckg("LawEnforcementAuthority"), "Gen police of place " + j, place);
        Node law = id("law", "law-" + j);
        out.typed(law, ckg("Law"), "Gen data law of place " + j);
        out.add(law, ckg("passedBy"), place);
        out.add(law, ckg("governs"), place);
        out.add(law, ckg("datePassed"), typed(date(2000 + random.nextInt(24)), XSDDatatype.XSDdate));
        out.add(law, DESCRIBED_IN, REGISTRY);
    }

    private void writeAuthority(Node authority, Node type, String label, Node place) {
        out.typed(authority, type, label);
        out.add(authority, ckg("hasJurisdiction"), place);
        out.add(authority, DESCRIBED_IN, REGISTRY);
    }

    private void writeTreaty(int t) {
        int a = random.nextInt(STATES);
        int b = (a + 1 + random.nextInt(STATES - 1)) % STATES;
        treaties[t] = new int[] {a, b};
        Node treaty = treaty(t);
        out.typed(treaty, ckg("MutualLegalAssistanceTreaty"), "Gen MLAT " + t + " between places " + a + " and " + b);
        for (int party : treaties[t]) {
            out.add(treaty, ckg("party"), place(party));
            out.add(treaty, ckg("governs"), place(party));
        }
        out.add(treaty, DESCRIBED_IN, REGISTRY);
    }

    private void writeCompany(int c) {
        Node company = company(c);
        out.typed(company, ckg("Company"), "Gen company " + c);
        out.add(company, ckg("basedIn"), place(homes[c]));
        if (c % 4 != 0) {
            out.add(company, ckg("subsidiaryOf"), company(c - c % 4));
        }
        out.add(company, DESCRIBED_IN, REGISTRY);
        for (int s = 0; s < SERVICES_PER_COMPANY; s++) {
            Node service = service(c, s);
            out.typed(service, ckg("Service"), "Gen service " + c + "-" + s);
            out.add(service, ckg("providedBy"), company);
            out.add(service, DESCRIBED_IN, REGISTRY);
        }
        Node centre = dataCentre(c);
        out.typed(centre, ckg("DataCentre"), "Gen data centre of company " + c);
        if (c % 2 == 0) {
            out.add(centre, ckg("partOf"), place(random.nextInt(JURISDICTIONS)));
            out.add(centre, ckg("controlledBy"), company);
        } else {
            int local = random.nextInt(companies);
            out.add(centre, ckg("partOf"), place(homes[local]));
            out.add(centre, ckg("controlledBy"), company(local));
        }
        out.add(centre, DESCRIBED_IN, REGISTRY);
        Node report = report(c);
        out.typed(report, ckg("TransparencyReport"), "Gen transparency report of company " + c);
        out.add(report, ckg("publishedBy"), company);
        out.add(report, DESCRIBED_IN, REGISTRY);
    }

    private void keyCustody(Node fact, int company, int service, int place) {
        anchor = new int[] {company, service, place};
        boolean endToEnd = random.nextInt(5) == 0;
        out.typed(fact, ckg("KeyCustody"), "Gen key custody " + facts);
        out.add(fact, ckg("service"), service(company, service));
        out.add(fact, ckg("dataCategory"), ckg(CATEGORIES[random.nextInt(CATEGORIES.length)]));
        out.add(fact, ckg("usersIn"), place(place));
        out.add(fact, ckg("encryption"), ckg(endToEnd ? "EndToEndEncryption" : "ProviderHeldKeyEncryption"));
        if (endToEnd) {
            out.add(fact, ckg("keyHolder"), id("group", "device-owners"));
        } else {
            out.add(fact, ckg("keyHolder"), company(company));
            out.add(fact, ckg("keysStoredIn"), place(random.nextInt(JURISDICTIONS)));
        }
    }

    private void storage(Node fact, int company, int service, int place) {
        anchor = new int[] {company, service, place};
        out.typed(fact, ckg("DataStorage"), "Gen data storage " + facts);
        out.add(fact, ckg("service"), service(company, service));
        out.add(fact, ckg("dataCategory"), ckg(CATEGORIES[random.nextInt(CATEGORIES.length)]));
        out.add(fact, ckg("usersIn"), place(place));
        boolean ownCentre = random.nextInt(3) == 0;
        out.add(fact, ckg("storedIn"), ownCentre ? dataCentre(company) : place(random.nextInt(JURISDICTIONS)));
    }

    private void operation(Node fact, int company, int service, int place) {
        boolean local = random.nextInt(3) == 0;
        out.typed(fact, ckg("ServiceOperation"), "Gen service operation " + facts);
        out.add(fact, ckg("service"), service(company, service));
        out.add(fact, ckg("region"), place(place));
        out.add(fact, ckg("operator"), company(local ? localFirm(place) : company));
        out.add(fact, ckg("operationMode"), ckg(local ? "ThroughLocalOperator" : "DirectProvision"));
    }

    private void availability(Node fact, int company, int service, int place) {
        out.typed(fact, ckg("ServiceAvailability"), "Gen service availability " + facts);
        if (random.nextBoolean()) {
            out.add(fact, ckg("service"), service(company, service));
        } else {
            out.add(fact, ckg("servicesOf"), company(company));
        }
        out.add(fact, ckg("region"), place(place));
        out.add(fact, ckg("availability"), ckg(random.nextInt(4) == 0 ? "Blocked" : "NotBlocked"));
    }

    private void stance(Node fact, int company, int place) {
        out.typed(fact, ckg("Stance"), "Gen stance " + facts);
        out.add(fact, ckg("stanceHolder"), company(company));
        out.add(fact, ckg("stanceType"), ckg(STANCES[random.nextInt(STANCES.length)]));
        out.add(fact, ckg("towardAuthority"), authority(place));
        out.add(fact, ckg("region"), place(place));
        out.add(fact, ckg("provisional"), typed(Boolean.toString(random.nextBoolean()), XSDDatatype.XSDboolean));
        out.add(fact, ckg("announcedNoLaterThan"), typed(date(2015 + random.nextInt(10)), XSDDatatype.XSDdate));
    }

    /** A firm based in the state of the place (a region's is the state it is part of), else any firm. */
    private int localFirm(int place) {
        List<Integer> local = basedIn.get(place < STATES ? place : place % 20);
        return local.isEmpty() ? random.nextInt(companies) : local.get(random.nextInt(local.size()));
    }

    /** A channel for the service and users of the latest storage or key-custody fact. */
    private void legalChannel(Node fact) {
        int target = anchor[0];
        out.typed(fact, ckg("LegalChannel"), "Gen legal channel " + facts);
        out.add(fact, ckg("targetOrganisation"), company(target));
        out.add(fact, ckg("service"), service(target, anchor[1]));
        switch (random.nextInt(3)) {
            case 0 -> {
                int t = random.nextInt(TREATIES);
                out.add(fact, ckg("requestingAuthority"), police(anchor[2]));
                out.add(fact, ckg("instrument"), treaty(t));
                out.add(fact, ckg("reviewedBy"), authority(treaties[t][1]));
            }
            case 1 -> {
                out.add(fact, ckg("requestingAuthority"), police(anchor[2]));
                out.add(fact, ckg("routedVia"), authority(homes[target]));
            }
            default -> {
                out.add(fact, ckg("requestingAuthority"), authority(anchor[2]));
                out.add(fact, ckg("usersIn"), place(anchor[2]));
            }
        }
    }

    /** The service of the latest storage or key-custody fact holds back-ups of another service of its company. */
    private void backup(Node fact) {
        out.typed(fact, ckg("DataBackup"), "Gen data backup " + facts);
        out.add(fact, ckg("service"), service(anchor[0], anchor[1]));
        out.add(fact, ckg("backupOf"), service(anchor[0], (anchor[1] + 1) % SERVICES_PER_COMPANY));
        out.add(fact, ckg("dataCategory"), ckg("MessageBackups"));
        out.add(fact, ckg("usersIn"), place(anchor[2]));
    }

    private void statistics(Node fact, int company, int place) {
        int year = 2015 + random.nextInt(10);
        boolean secondHalf = random.nextBoolean();
        out.typed(fact, ckg("RequestStatistics"), "Gen request statistics " + facts);
        out.add(fact, ckg("targetOrganisation"), company(company));
        out.add(fact, ckg("requestingAuthority"), authority(place));
        out.add(fact, ckg("periodStart"), typed(year + (secondHalf ? "-07" : "-01"), XSDDatatype.XSDgYearMonth));
        out.add(fact, ckg("periodEnd"), typed(year + (secondHalf ? "-12" : "-06"), XSDDatatype.XSDgYearMonth));
        out.add(fact, ckg("countedThing"), ckg(COUNTED[random.nextInt(COUNTED.length)]));
        out.add(fact, ckg("count"), integer(random.nextInt(5000)));
        out.add(fact, ckg("percentDataProvided"), typed(random.nextInt(101) + ".0", XSDDatatype.XSDdecimal));
        out.add(fact, ckg("dataProvided"), ckg(random.nextBoolean() ? "ContentData" : "NonContentData"));
        out.add(fact, ckg("reportedIn"), report(company));
    }

    private String date(int year) {
        return String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    static Node place(int j) {
        return id("place", (j < STATES ? "state-" : "region-") + j);
    }

    static Node authority(int j) {
        return id("organisation", "government-" + j);
    }

    static Node police(int j) {
        return id("organisation", "police-" + j);
    }

    static Node company(int c) {
        return id("organisation", "company-" + c);
    }

    static Node service(int c, int s) {
        return id("service", c + "-" + s);
    }

    private static Node treaty(int t) {
        return id("law", "mlat-" + t);
    }

    private static Node dataCentre(int c) {
        return id("place", "data-centre-" + c);
    }

    private static Node report(int c) {
        return id("report", "transparency-" + c);
    }
}
