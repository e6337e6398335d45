package org.custodykg.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.custodykg.export.WholeFile;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/**
 * Writes a synthetic custody graph of an exact size, for load and query benchmarks: about 250
 * jurisdictions (states, and legal regions and special administrative regions that are part of them)
 * with their governments, police and laws; 300 mutual legal assistance treaties; one company per 2,500
 * triples (every fourth a parent of the next three) with four services, a data centre and a
 * transparency report; then key-custody, storage, operation, availability, stance, legal-channel and
 * request-statistics facts, each citing one of the generated source documents (one per 100 facts).
 *
 * <p>Entity IRIs are {@code https://w3id.org/custody-kg/id/KIND/gen-...}, so they never meet the real
 * data's. The same size and seed give the same bytes. Triples are streamed to the file as they are
 * made, never held in memory; the file appears only when complete.
 */
public final class Generator {
    private Generator() {}

    /** What was written. */
    public record Summary(long triples, long facts, int companies) {}

    /** The smallest size the generator accepts: the fixed world plus the companies it calls for. */
    public static long minimumTriples() {
        return entityTriples(0) + Domain.LARGEST_FACT;
    }

    /**
     * Writes exactly {@code triples} triples to {@code out}: N-Triples for {@code .nt}, Turtle for
     * {@code .ttl}, gzip-compressed when the name also ends {@code .gz}.
     *
     * @throws ArgumentException for a size below {@link #minimumTriples()} or an unknown file extension
     * @throws DataException if the file cannot be written
     */
    public static Summary generate(long triples, long seed, Path out) {
        RDFFormat format = formatOf(out);
        if (triples < entityTriples(triples) + Domain.LARGEST_FACT) {
            throw new ArgumentException("triples", "expected at least " + minimumTriples() + " (the fixed world of "
                    + "jurisdictions, laws and treaties needs that many), but got " + triples);
        }
        boolean gzip = out.getFileName().toString().endsWith(".gz");
        try {
            return WholeFile.write(out, stream -> {
                OutputStream buffered = new BufferedOutputStream(stream, 1 << 16);
                try (OutputStream file = gzip ? new GZIPOutputStream(buffered, 1 << 16) : buffered) {
                    return write(triples, seed, file, format);
                }
            });
        } catch (IOException e) {
            throw new DataException(out + ": cannot write the generated graph (" + e.getMessage() + ")", e);
        }
    }

    private static Summary write(long triples, long seed, OutputStream file, RDFFormat format) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(file, format);
        stream.start();
        CustodyKg.prefixes().getNsPrefixMap().forEach(stream::prefix);
        Emitter emitter = new Emitter(stream);
        Domain domain = new Domain(emitter, seed, triples);
        domain.writeEntities();
        while (triples - emitter.count() >= Domain.LARGEST_FACT) {
            domain.writeFact();
        }
        for (long alias = 0; emitter.count() < triples; alias++) {
            domain.writeAlias(alias);
        }
        stream.finish();
        return new Summary(emitter.count(), domain.facts(), Domain.companiesFor(triples));
    }

    /** How many triples the entities take for a graph of that size (counted by writing them nowhere). */
    private static long entityTriples(long triples) {
        Emitter counter = new Emitter(StreamRDFLib.sinkNull());
        new Domain(counter, 0, triples).writeEntities();
        return counter.count();
    }

    private static RDFFormat formatOf(Path out) {
        String name = out.getFileName().toString();
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".nt")) {
            return RDFFormat.NTRIPLES_UTF8;
        }
        if (base.endsWith(".ttl")) {
            return RDFFormat.TURTLE_BLOCKS;
        }
        throw new ArgumentException("out", "expected a file name ending .nt, .ttl, .nt.gz or .ttl.gz, but got " + name);
    }
}
