package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled YASGUI writes two style sheets into the page; the Content-Security-Policy allows exactly
 * those by digest. A new YASGUI version whose sheets differ fails here rather than silently in a browser.
 */
class YasguiBundleTest {
    @Test
    void thePolicyAllowsExactlyTheResultTablesTwoStyleSheets() throws IOException, NoSuchAlgorithmException {
        String script;
        try (InputStream in = YasguiBundleTest.class.getResourceAsStream("/custody-kg/web/" + WebResourceServlet.YASGUI_SCRIPT)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher layout = Pattern.compile("createStyle\\(a,`( \\.grip-resizable\\{table-layout:fixed;\\}[^`]*)`\\)").matcher(script);
        Matcher cursor = Pattern.compile("dragCursor:`([^`]*)`").matcher(script);
        assertEquals(true, layout.find() && cursor.find(), "the column resizer's style sheets are no longer where they were");
        assertEquals(BrowserHeadersFilter.RESULT_TABLE_STYLES,
                List.of(sha256(layout.group(1)), sha256("*{cursor:" + cursor.group(1) + "!important}")));
    }

    private static String sha256(String css) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
        return "sha256-" + Base64.getEncoder().encodeToString(digest);
    }
}
