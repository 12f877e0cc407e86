package io.paddock.server.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Splits zoo.cfg text into entries exactly as {@link Properties#load(Reader)} does (ZooKeeper's
 * QuorumPeerConfig.parse loads zoo.cfg into a Properties): {@code key=value}, {@code key value}
 * and {@code key:value}, escapes, Unicode escapes, backslash continuation lines, {@code #} and
 * {@code !} comments. Keys and values are then trimmed, as QuorumPeerConfig.parseProperties does.
 *
 * <p>Properties keeps neither the order of the entries nor their lines, nor a key given twice.
 * Rather than re-implement its grammar, this class lets Properties itself parse the text, feeds it
 * one character per read and watches each {@code put}: at that moment the reader has consumed the
 * entry's last line, so the line of every entry is known, and every entry is seen in file order.
 *
 * <p>Stateless; each call works on its own objects.
 */
final class ZooCfgReader {

    /**
     * One {@code key=value} of a zoo.cfg.
     *
     * @param line the 1-based line on which the entry starts
     */
    record Entry(String key, String value, int line) {
    }

    private ZooCfgReader() {
    }

    /**
     * The entries of {@code text}, in file order, a key given twice listed twice.
     *
     * @param source names the text in error messages
     */
    static List<Entry> read(String source, String text) {
        LineCountingReader reader = new LineCountingReader(text);
        List<Entry> entries = new ArrayList<>();
        Properties recorder = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                int start = reader.firstContentLineAfter(
                        entries.isEmpty() ? 0 : reader.endLineOf(entries.size() - 1));
                reader.markEnd();
                entries.add(new Entry(key.toString().trim(), value.toString().trim(), start));
                return null;
            }
        };
        try {
            recorder.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // A malformed Unicode escape: Properties says no more than that.
            throw new ConfigException(source + " line " + reader.currentLine() + ": "
                    + e.getMessage());
        }
        return entries;
    }

    /** Hands Properties one character per read, counting the lines it has consumed. */
    private static final class LineCountingReader extends Reader {
        private final String text;
        private final String[] natural;
        private final StringReader lines;
        private final List<Integer> entryEnds = new ArrayList<>();
        private int pos;
        private int terminators;

        LineCountingReader(String text) {
            this.text = text;
            this.natural = text.split("\r\n|\r|\n", -1);
            this.lines = new StringReader(text);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = lines.read();
            if (c < 0) {
                return -1;
            }
            if (c == '\r' || (c == '\n' && (pos == 0 || text.charAt(pos - 1) != '\r'))) {
                terminators++;
            }
            pos++;
            buf[off] = (char) c;
            return 1;
        }

        /** The line the reader is on: past a terminator, the line that terminator ended. */
        int currentLine() {
            boolean atTerminator = pos > 0 && (text.charAt(pos - 1) == '\n' || text.charAt(pos - 1) == '\r');
            return atTerminator ? terminators : terminators + 1;
        }

        void markEnd() {
            entryEnds.add(currentLine());
        }

        int endLineOf(int entry) {
            return entryEnds.get(entry);
        }

        /**
         * The first line after {@code afterLine} that is neither blank nor a comment: where the
         * entry now being put began (never after the line the reader is on).
         */
        int firstContentLineAfter(int afterLine) {
            for (int line = afterLine + 1; line <= currentLine() && line <= natural.length; line++) {
                String s = stripLeadingBlanks(natural[line - 1]);
                if (!s.isEmpty() && s.charAt(0) != '#' && s.charAt(0) != '!') {
                    return line;
                }
            }
            return currentLine();
        }

        private static String stripLeadingBlanks(String s) {
            int i = 0;
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
                i++;
            }
            return s.substring(i);
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
