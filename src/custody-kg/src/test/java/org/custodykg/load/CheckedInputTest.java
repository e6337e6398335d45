package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.custodykg.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that end early, fail their checksum or are not UTF-8: each an error naming the file, never a short load. */
class CheckedInputTest {
    private static final String TRIPLE = "<http://example.org/s%d> <http://www.w3.org/2000/01/rdf-schema#comment> \"c%d\" .\n";

    @TempDir
    Path temp;

    @Test
    void aGzipCutMidStreamIsAnError() throws Exception {
        byte[] whole = gzip(triples(3000));
        Path cut = write("cut.nt.gz", Arrays.copyOf(whole, whole.length / 2));
        assertEquals(cut + ": the compressed file is damaged or cut short (Unexpected end of ZLIB input stream)", failure(cut));
    }

    @Test
    void aGzipWithoutItsTrailerIsAnError() throws Exception {
        byte[] whole = gzip(triples(3000));
        Path cut = write("cut.nt.gz", Arrays.copyOf(whole, whole.length - 8));
        assertEquals(cut + ": the compressed file is damaged or cut short (it ends before its last bytes)", failure(cut));
    }

    @Test
    void aGzipWithABadChecksumIsAnError() throws Exception {
        byte[] bytes = gzip(triples(10));
        bytes[bytes.length - 8] ^= 0x55;
        Path bad = write("bad.nt.gz", bytes);
        assertEquals(bad + ": the compressed file is damaged or cut short (Corrupt GZIP trailer)", failure(bad));
    }

    @Test
    void aFileThatIsNotGzipIsAnError() throws Exception {
        Path plain = write("plain.nt.gz", triples(1).getBytes(StandardCharsets.UTF_8));
        assertEquals(plain + ": not a gzip file (Not in GZIP format)", failure(plain));
        Path empty = write("empty.nt.gz", new byte[0]);
        assertEquals(empty + ": not a gzip file (it is empty)", failure(empty));
    }

    @Test
    void aByteThatIsNotUtf8NamesItsLineAndColumn() throws Exception {
        byte[] text = (triples(2) + "<http://example.org/a> <http://example.org/p> \"caf?\" .\n").getBytes(StandardCharsets.UTF_8);
        text[text.length - 5] = (byte) 0xE9;
        Path latin1 = write("latin1.nt", text);
        assertEquals(latin1 + ":3:51: the byte 0xE9 is not valid UTF-8 (the file must be UTF-8)", failure(latin1));
    }

    @Test
    void aBadByteAfterReadsOfAsciiAndOfOtherCharactersIsPlacedExactly() throws Exception {
        // ASCII is counted without the decoder, other text with it: the position must not drift between them
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("<http://example.org/s").append(i).append("> <http://example.org/p> \"plain ").append(i).append("\" .\n");
            if (i % 700 == 0) {
                text.append("<http://example.org/t").append(i).append("> <http://example.org/p> \"Zürich — 東京\" .\n");
            }
        }
        text.append("<http://example.org/z> <http://example.org/p> \"東京 caf?\" .\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 5] = (byte) 0xE9;
        Path mixed = write("mixed.nt", bytes);
        assertEquals(mixed + ":3006:54: the byte 0xE9 is not valid UTF-8 (the file must be UTF-8)", failure(mixed));
    }

    @Test
    void aSequenceCutAtTheEndOfTheFileIsAnError() throws Exception {
        byte[] text = (triples(1) + "# é").getBytes(StandardCharsets.UTF_8);
        Path cut = write("cut.nt", Arrays.copyOf(text, text.length - 1));
        assertEquals(cut + ":2:3: the byte 0xC3 is not valid UTF-8 (the file must be UTF-8)", failure(cut));
    }

    @Test
    void utf8AcrossReadBoundariesAndInGzipLoadsWhole() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("<http://example.org/s").append(i).append("> <http://example.org/p> \"Zürich — 東京 ").append(i).append("\" .\n");
        }
        Path gz = write("names.nt.gz", gzip(text.toString()));
        assertEquals(5000, Loader.parseFile(gz).size());
    }

    @Test
    void aFolderGivenAsAFileIsAnError() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("folder.ttl"));
        assertEquals(folder + ": is a folder; expected an RDF file", failure(folder));
    }

    private String failure(Path file) {
        return assertThrows(DataException.class, () -> Loader.parseFile(file)).getMessage();
    }

    private static String triples(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(String.format(TRIPLE, i, i));
        }
        return text.toString();
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(temp.resolve(name), bytes);
    }
}
