package io.paddock.server.admin.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A znode's data the three ways the console shows it: as text when it is valid UTF-8, as
 * pretty-printed JSON when that text is a JSON object or array, and as a hex dump (offset,
 * sixteen bytes, their printable ASCII), plus base64 for editing. Values are plain strings:
 * the page puts them into the document as text, never as markup.
 *
 * <p>Stateless; thread-safe.
 */
final class DataRendering {
    /** Bytes shown in the hex dump; jute.maxbuffer allows 1 MB, and no one reads that much hex. */
    static final int HEX_LIMIT = 64 * 1024;

    private DataRendering() {
    }

    static Map<String, Object> render(byte[] data) {
        byte[] d = data == null ? new byte[0] : data;
        String text = utf8(d);
        String json = text == null ? null : prettyJson(text);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", d.length);
        m.put("utf8", text != null);
        m.put("suggested", json != null ? "json" : text != null && printable(text) ? "text" : "hex");
        m.put("text", text);
        m.put("json", json);
        m.put("hex", hexDump(d));
        m.put("hex_truncated", d.length > HEX_LIMIT);
        m.put("base64", Base64.getEncoder().encodeToString(d));
        return m;
    }

    private static String utf8(byte[] d) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(d)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Text with no control characters but tab, CR and LF reads well as text. */
    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
    }

    private static String prettyJson(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            JsonNode node = ConsoleReplies.mapper().readTree(t);
            return ConsoleReplies.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return null;
        }
    }

    static String hexDump(byte[] d) {
        int n = Math.min(d.length, HEX_LIMIT);
        StringBuilder b = new StringBuilder(n * 4 + 16);
        for (int off = 0; off < n; off += 16) {
            b.append(String.format("%08x ", off));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                if (off + i < n) {
                    int v = d[off + i] & 0xff;
                    b.append(' ').append(Character.forDigit(v >> 4, 16))
                            .append(Character.forDigit(v & 0xf, 16));
                    ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    b.append("   ");
                }
                if (i == 7) {
                    b.append(' ');
                }
            }
            b.append("  |").append(ascii).append("|\n");
        }
        return b.toString();
    }
}
