package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.system.StreamRDFLib;
import org.custodykg.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A syntax error inside a multi-line string is reported where the string starts, not where the parser noticed it. */
class LongStringErrorTest {
    private static final String PREFIX = "@prefix ex: <http://example.org/> .\n";

    @TempDir
    Path temp;

    private String error(String name, String turtle) throws Exception {
        Path file = Files.writeString(temp.resolve(name), PREFIX + turtle);
        return assertThrows(DataException.class, () -> Loader.parse(file, StreamRDFLib.sinkNull())).getMessage()
                .replace(file.toString(), name);
    }

    @Test
    void aStringLeftOpenIsReportedWhereItStarts() throws Exception {
        assertEquals("open.ttl:2:11: Broken long string (at 6:1, inside the multi-line string that starts here)",
                error("open.ttl", "ex:a ex:b \"\"\"first line\nsecond line\nthird line .\nex:c ex:d ex:e .\n"));
    }

    @Test
    void aBadEscapeInsideIsReportedWhereTheStringStartsAndWhereItIs() throws Exception {
        assertEquals("escape.ttl:2:11: Illegal escape sequence value: q (0x71) (at 4:9, inside the multi-line string"
                + " that starts here)", error("escape.ttl", "ex:a ex:b '''first line\nsecond line\nthird \\q line''' .\n"));
    }

    @Test
    void quotesInCommentsIrisAndOneLineStringsDoNotCount() throws Exception {
        assertEquals("quotes.ttl:5:11: Broken long string (at 7:1, inside the multi-line string that starts here)",
                error("quotes.ttl", "# a comment with \"\"\" in it\nex:a ex:b \"with ''' inside\" .\nex:a ex:c <http://example.org/x'''y> .\n"
                        + "ex:a ex:d \"\"\"open\nto the end\n"));
    }

    @Test
    void anErrorAfterAClosedStringKeepsTheParsersPosition() throws Exception {
        assertEquals("after.ttl:3:8: Triples not terminated by DOT",
                error("after.ttl", "ex:a ex:b \"\"\"one\ntwo\"\"\" ex:c .\n"));
    }

    @Test
    void aCompressedFileIsReadAgainDecompressed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((PREFIX + "ex:a ex:b \"\"\"open\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(temp.resolve("open.ttl.gz"), bytes.toByteArray());
        String message = assertThrows(DataException.class, () -> Loader.parse(file, StreamRDFLib.sinkNull())).getMessage();
        assertEquals(file + ":2:11: Broken long string (at 3:1, inside the multi-line string that starts here)", message);
    }
}
