package org.custodykg.load;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.Optional;

/**
 * Where a Turtle or TriG multi-line string ({@code """…"""} or {@code '''…'''}) starts, for error
 * messages: the parser reports a problem inside such a string where it noticed it, at the end of the
 * file for one left open, but the reader needs to be sent to where the string begins. The text is
 * scanned from the start only as far as the position reported; comments, IRIs and one-line strings are
 * skipped so that quotes inside them do not count.
 */
final class LongStrings {
    /** A position in the text, both from 1. */
    record Position(long line, long column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    private final PushbackReader in;
    private long line = 1;
    private long column = 1;

    private LongStrings(Reader text) {
        this.in = new PushbackReader(text, 3);
    }

    /**
     * The start of the multi-line string that the position lies in (or that runs to the end of the text
     * before it); empty when the position is outside every multi-line string.
     */
    static Optional<Position> enclosing(Reader text, Position at) throws IOException {
        return new LongStrings(text).scan(at);
    }

    private Optional<Position> scan(Position at) throws IOException {
        while (before(at)) {
            int c = read();
            if (c < 0) {
                return Optional.empty();
            }
            if (c == '#') {
                skipLine();
            } else if (c == '<') {
                skipIri();
            } else if (c == '"' || c == '\'') {
                Position start = new Position(line, column - 1);
                if (peekTwice(c)) {
                    read();
                    read();
                    if (!closeLong(c, at)) {
                        return Optional.of(start);
                    }
                } else {
                    skipShort(c);
                }
            }
        }
        return Optional.empty();
    }

    /** Reads to the end of the long string; false when the position, or the end of the text, comes first. */
    private boolean closeLong(int quote, Position at) throws IOException {
        while (before(at)) {
            int c = read();
            if (c < 0) {
                return false;
            }
            if (c == '\\') {
                read();
            } else if (c == quote && peekTwice(quote)) {
                read();
                read();
                return true;
            }
        }
        return false;
    }

    private void skipShort(int quote) throws IOException {
        for (int c = read(); c >= 0 && c != quote && c != '\n'; c = read()) {
            if (c == '\\') {
                read();
            }
        }
    }

    private void skipIri() throws IOException {
        for (int c = read(); c >= 0 && c != '>' && c != '\n' && c != ' '; c = read()) {
            // an IRI holds no quotes that count
        }
    }

    private void skipLine() throws IOException {
        for (int c = read(); c >= 0 && c != '\n'; c = read()) {
            // a comment
        }
    }

    private boolean peekTwice(int quote) throws IOException {
        int first = in.read();
        int second = first < 0 ? -1 : in.read();
        if (second >= 0) {
            in.unread(second);
        }
        if (first >= 0) {
            in.unread(first);
        }
        return first == quote && second == quote;
    }

    private boolean before(Position at) {
        return line < at.line() || (line == at.line() && column < at.column());
    }

    private int read() throws IOException {
        int c = in.read();
        if (c == '\n') {
            line++;
            column = 1;
        } else if (c >= 0) {
            column++;
        }
        return c;
    }
}
