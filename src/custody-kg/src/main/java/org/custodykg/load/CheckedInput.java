package org.custodykg.load;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;
import org.custodykg.DataException;

/**
 * A file's bytes, checked as the parser reads them: a damaged or cut-short stream (a {@code .gz} that
 * ends early, misses its trailer or fails its checksum) and, for text syntaxes, a byte that is not UTF-8
 * each fail with a {@link DataException} naming the file (and the line of a bad byte). The parser is
 * never left to decide what a read error means: some of Jena's readers take one for the end of the
 * input, which turned a cut file into a short, silent load. A failure is also kept, so that
 * {@link #rethrowFailure()} reports it even when a parser swallowed the exception.
 */
final class CheckedInput extends FilterInputStream {
    private final Path file;
    private final CharsetDecoder utf8;
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);
    private final CharBuffer decoded = CharBuffer.allocate(1 << 16);
    private long line = 1;
    private long column = 1;
    private DataException failure;

    /** @param checkUtf8 whether the bytes must be UTF-8 (every text syntax but RDF/XML, which declares its own) */
    CheckedInput(InputStream in, Path file, boolean checkUtf8) {
        super(in);
        this.file = file;
        this.utf8 = checkUtf8 ? StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT) : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (failure != null) {
            throw failure;
        }
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (EOFException e) {
            throw fail(file + ": the compressed file is damaged or cut short ("
                    + (e.getMessage() == null ? "it ends before its last bytes" : e.getMessage()) + ")");
        } catch (ZipException e) {
            throw fail(file + ": the compressed file is damaged or cut short (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw fail(file + ": cannot read the file (" + e.getMessage() + ")");
        }
        if (utf8 != null) {
            decode(buffer, offset, Math.max(n, 0), n < 0);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes would escape the checks: read them instead
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    /** Throws the failure met while reading, if any (for a parser that caught it and went on). */
    void rethrowFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private void decode(byte[] bytes, int offset, int length, boolean endOfInput) {
        int end = offset + length;
        // With no sequence begun, ASCII is valid as it is: only the rest goes through the decoder, which
        // cost a tenth of a load's parsing thread when it saw every byte.
        int next = pending.position() == 0 ? countAscii(bytes, offset, end) : offset;
        if (next == end && pending.position() == 0) {
            return;
        }
        do {
            int chunk = Math.min(pending.remaining(), end - next);
            pending.put(bytes, next, chunk);
            next += chunk;
            pending.flip();
            CoderResult result;
            do {
                decoded.clear();
                result = utf8.decode(pending, decoded, endOfInput && next == end);
                count(decoded.flip());
            } while (result.isOverflow());
            if (result.isError()) {
                int bad = pending.get(pending.position()) & 0xff;
                throw fail(String.format(Locale.ROOT, "%s:%d:%d: the byte 0x%02X is not valid UTF-8 (the file must be UTF-8)",
                        file, line, column, bad));
            }
            pending.compact();
        } while (next < end);
    }

    /** Moves the line and column past the ASCII bytes from {@code from}; returns where the first other byte is, or {@code end}. */
    private int countAscii(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return i;
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return end;
    }

    /** Moves the line and column past the characters decoded. */
    private void count(CharBuffer chars) {
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private DataException fail(String message) {
        failure = new DataException(message);
        return failure;
    }
}
