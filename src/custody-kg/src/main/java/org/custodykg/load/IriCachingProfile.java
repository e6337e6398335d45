package org.custodykg.load;

import java.io.InputStream;
import java.util.Arrays;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.ReaderRIOTFactory;
import org.apache.jena.riot.system.CDTAwareParserProfile;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.FactoryRDFCaching;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.util.Context;

/**
 * The parser's profile as Jena's {@code RDFParser} makes it for a file, with a larger memory of the IRIs
 * already checked (up to 65,536, by the file's size). Jena checks every IRI it meets and remembers the
 * last 500; a data file names each entity in many statements far apart, so checking took a fifth of
 * parsing a generated file (437,868 checks for 2,787,379 IRIs with 107,429 distinct; 116,469 with
 * 65,536 slots).
 *
 * <p>Its node factory remembers as many nodes (at least Jena's 8,192): an IRI met again far apart is then the
 * same node, not a copy, in the parsed graph the load holds in memory.
 *
 * <p>In a line-based syntax, an IRI of the plainest form ({@link PlainIri}) is not handed to the checker at all.
 *
 * <p>Only for an error handler that throws on every warning and error, as the loader's does: an IRI is
 * remembered only once it was checked without complaint, so a later occurrence has nothing to report.
 */
final class IriCachingProfile extends CDTAwareParserProfile {
    private static final int MOST_SLOTS = 1 << 16;
    private final String[] given;
    private final String[] resolved;
    /** Whether IRIs are only checked for their syntax (no base, no warnings), as a line-based syntax's are. */
    private final boolean syntaxOnly;

    private IriCachingProfile(ErrorHandler errors, IRIxResolver resolver, Context context, boolean checking, int slots) {
        super(new FactoryRDFCaching(Math.max(slots, 1 << 13), SyntaxLabels.createLabelToNode()), errors, resolver,
                PrefixMapFactory.create(), context, checking, false);
        syntaxOnly = !checking;
        given = new String[slots];
        resolved = new String[slots];
    }

    /**
     * Slots for a file of this many bytes: about one per 64 bytes, a power of two from 512 to 65,536, so that
     * the many small files of a folder (the embedded graph's 60) do not each allocate the largest memory.
     */
    static int slotsFor(long bytes) {
        long wanted = Math.max(512, Math.min(MOST_SLOTS, bytes / 64));
        return Integer.highestOneBit((int) wanted - 1) << 1;
    }

    /** Whether {@link #read} takes this syntax: the line- and Turtle-based ones, parsed by Jena's tokenizer. */
    static boolean reads(Lang lang) {
        return lineBased(lang) || RDFLanguages.sameLang(lang, Lang.TURTLE) || RDFLanguages.sameLang(lang, Lang.TRIG);
    }

    private static boolean lineBased(Lang lang) {
        return RDFLanguages.sameLang(lang, Lang.NTRIPLES) || RDFLanguages.sameLang(lang, Lang.NQUADS);
    }

    /**
     * Parses {@code in} as {@code RDFParser.source(in).lang(lang).base(base).errorHandler(errors)} does,
     * in its default (not strict) mode, remembering as many IRIs as {@link #slotsFor} gives for {@code bytes}
     * (the file's size on disk): line-based syntaxes are read without a base and their IRIs not
     * checked beyond their syntax; the others resolve against {@code base} and are checked.
     */
    static void read(InputStream in, Lang lang, String base, ErrorHandler errors, StreamRDF destination, long bytes) {
        boolean lineBased = lineBased(lang);
        IRIxResolver resolver = IRIxResolver.create().base(lineBased ? null : base).resolve(true).allowRelative(lineBased).build();
        ReaderRIOTFactory readers = RDFParserRegistry.getFactory(lang);
        Context context = RIOT.getContext().copy();
        IriCachingProfile profile = new IriCachingProfile(errors, resolver, context, !lineBased, slotsFor(bytes));
        readers.create(lang, profile).read(in, base, lang.getContentType(), destination, context);
    }

    @Override
    public String resolveIRI(String iri, long line, long col) {
        if (syntaxOnly && PlainIri.is(iri)) {
            return iri; // what the checker would give
        }
        int slot = iri.hashCode() & (given.length - 1);
        if (iri.equals(given[slot])) {
            return resolved[slot];
        }
        String result = super.resolveIRI(iri, line, col); // throws through the error handler if it is not an IRI
        given[slot] = iri;
        resolved[slot] = result;
        return result;
    }

    @Override
    public void setBaseIRI(String base) {
        // a relative IRI means something else against the new base
        Arrays.fill(given, null);
        super.setBaseIRI(base);
    }
}
