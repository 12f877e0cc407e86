package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** zoo.cfg entries come out as java.util.Properties (ZooKeeper's reader) sees them, with lines. */
class ZooCfgReaderTest {

    private static List<ZooCfgReader.Entry> read(String... lines) {
        return ZooCfgReader.read("zoo.cfg", String.join("\n", lines));
    }

    @Test
    void theThreeSeparatorsOfProperties() {
        assertEquals(List.of(new ZooCfgReader.Entry("a", "1", 1), new ZooCfgReader.Entry("b", "2", 2),
                new ZooCfgReader.Entry("c", "3", 3), new ZooCfgReader.Entry("d", "= 4", 4)),
                read("a=1", "b 2", "c:3", "d  = = 4"));
    }

    @Test
    void commentsWithHashOrBangAndBlankLinesAreSkippedButCounted() {
        assertEquals(List.of(new ZooCfgReader.Entry("tickTime", "2000", 5)),
                read("# a comment", "  ! another", "", "   ", "tickTime=2000"));
    }

    @Test
    void aValueKeepsAHashThatIsNotAtTheStartOfALine() {
        assertEquals("/data#1", read("dataDir=/data#1").get(0).value());
    }

    @Test
    void trailingWhitespaceIsTrimmedAsQuorumPeerConfigDoes() {
        ZooCfgReader.Entry e = read("clientPort = 2181 \t ").get(0);
        assertEquals("clientPort", e.key());
        assertEquals("2181", e.value());
    }

    @Test
    void escapesAreDecoded() {
        List<ZooCfgReader.Entry> entries = read("a\\=b=c\\td", "dataDir=/x/\\u00e9t\\u00e9", "e=C:\\\\zk");
        assertEquals("a=b", entries.get(0).key());
        assertEquals("c\td", entries.get(0).value());
        assertEquals("/x/\u00e9t\u00e9", entries.get(1).value());
        assertEquals("C:\\zk", entries.get(2).value());
    }

    @Test
    void aContinuedEntryHasTheLineItStartsOn() {
        List<ZooCfgReader.Entry> entries = read("# servers", "4lw.commands.whitelist=srvr,\\",
                "    ruok,\\", "    mntr", "tickTime=100");
        assertEquals(new ZooCfgReader.Entry("4lw.commands.whitelist", "srvr,ruok,mntr", 2),
                entries.get(0));
        assertEquals(new ZooCfgReader.Entry("tickTime", "100", 5), entries.get(1));
    }

    @Test
    void aCommentEndingInABackslashDoesNotContinue() {
        assertEquals(List.of(new ZooCfgReader.Entry("a", "1", 2)), read("# comment \\", "a=1"));
    }

    @Test
    void anEvenRunOfBackslashesDoesNotContinue() {
        assertEquals(List.of(new ZooCfgReader.Entry("a", "x\\", 1), new ZooCfgReader.Entry("b", "2", 2)),
                read("a=x\\\\", "b=2"));
    }

    @Test
    void everyLineEndingCounts() {
        List<ZooCfgReader.Entry> entries = ZooCfgReader.read("z", "a=1\r\nb=2\rc=3\n\r\nd=4");
        assertEquals(List.of(1, 2, 3, 5), entries.stream().map(ZooCfgReader.Entry::line).toList());
    }

    @Test
    void aKeyGivenTwiceIsListedTwiceInFileOrder() {
        assertEquals(List.of(new ZooCfgReader.Entry("server.1", "a:1:2", 1),
                new ZooCfgReader.Entry("server.1", "b:1:2", 2)), read("server.1=a:1:2", "server.1=b:1:2"));
    }

    @Test
    void aMalformedUnicodeEscapeNamesItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read("a=1", "dataDir=/x\\u00zz"));
        assertTrue(e.getMessage().startsWith("zoo.cfg line 2: "), e.getMessage());
    }

    /**
     * The oracle: for random text over the characters that matter to the grammar, the entries
     * (last one of a key wins) are exactly what Properties.load makes of the whole text, and
     * every entry's line holds the start of it.
     */
    @Test
    void agreesWithPropertiesOnRandomText() throws IOException {
        String alphabet = "ab=: \t\\#!\n\r\f1u";
        SplittableRandom random = new SplittableRandom(20261203);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString().replace("\\u", "\\u0041");
            Properties expected = new Properties();
            expected.load(new StringReader(text));
            Map<String, String> want = new LinkedHashMap<>();
            expected.forEach((k, v) -> want.put(k.toString().trim(), v.toString().trim()));
            if (want.size() != expected.size()) {
                continue; // two keys differ only in escaped blanks: which wins is hash order
            }
            Map<String, String> got = new LinkedHashMap<>();
            int lines = text.split("\r\n|\r|\n", -1).length;
            int lastLine = 0;
            for (ZooCfgReader.Entry e : ZooCfgReader.read("z", text)) {
                got.put(e.key(), e.value());
                assertTrue(e.line() >= 1 && e.line() <= lines && e.line() >= lastLine,
                        "line " + e.line() + " in " + escape(text));
                lastLine = e.line();
                List<ZooCfgReader.Entry> fromThere = ZooCfgReader.read("z", fromLine(text, e.line()));
                assertEquals(e.key() + "=" + e.value(), fromThere.isEmpty() ? "nothing"
                        : fromThere.get(0).key() + "=" + fromThere.get(0).value(),
                        "line " + e.line() + " starts the entry in " + escape(text));
            }
            assertEquals(want, got, escape(text));
        }
    }

    /** The text from the start of 1-based natural line {@code line}. */
    private static String fromLine(String text, int line) {
        int at = 0;
        for (int n = 1; n < line; n++) {
            int cr = text.indexOf('\r', at);
            int lf = text.indexOf('\n', at);
            int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
            at = end + (text.startsWith("\r\n", end) ? 2 : 1);
        }
        return text.substring(at);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\f", "\\f");
    }
}
