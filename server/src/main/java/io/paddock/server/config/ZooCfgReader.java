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
 * one character per read and watches each {@code put}: every entry is seen in file order, and
 * the lines consumed so far tell where it ended; it began on the first line after the previous
 * entry that is neither blank nor a comment.
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
                entries.add(new Entry(key.toString().trim(), value.toString().trim(),
                        reader.startOfEntryBeingPut()));
                return null;
            }
        };
        try {
            recorder.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // A malformed Unicode escape: Properties says no more than that.
            throw new ConfigException(source + " line " + reader.lineOfLastRead() + ": "
                    + e.getMessage());
        }
        return entries;
    }

    /**
     * Hands Properties one character per read and counts the line terminators it has consumed.
     * Properties' LineReader reads once more at the end of a line (to see whether the input
     * goes on) before it puts the entry, so an entry that another follows ends on the line
     * counted before that last read.
     */
    private static final class LineCountingReader extends Reader {
        private final String[] natural;
        private final StringReader chars;
        private int previous = -1;
        private int terminators;
        private int terminatorsBeforeLastRead;
        private int endOfLastEntry;

        LineCountingReader(String text) {
            this.natural = text.split("\r\n|\r|\n", -1);
            this.chars = new StringReader(text);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            terminatorsBeforeLastRead = terminators;
            int c = chars.read();
            if (c < 0) {
                return -1;
            }
            if (c == '\r' || (c == '\n' && previous != '\r')) {
                terminators++;
            }
            previous = c;
            buf[off] = (char) c;
            return 1;
        }

        /** The line the last character read is on (a terminator belongs to the line it ends). */
        int lineOfLastRead() {
            boolean terminator = previous == '\n' || previous == '\r';
            return terminator ? terminators : terminators + 1;
        }

        /**
         * The first line after the previous entry that is neither blank nor a comment: where
         * the entry now being put began.
         */
        int startOfEntryBeingPut() {
            int start = endOfLastEntry + 1;
            while (start < natural.length && isBlankOrComment(natural[start - 1])) {
                start++;
            }
            endOfLastEntry = terminatorsBeforeLastRead;
            return Math.min(start, natural.length);
        }

        private static boolean isBlankOrComment(String line) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'
                    || line.charAt(i) == '\f')) {
                i++;
            }
            return i == line.length() || line.charAt(i) == '#' || line.charAt(i) == '!';
        }

        @Override
        public void close() {
            chars.close();
        }
    }
}
