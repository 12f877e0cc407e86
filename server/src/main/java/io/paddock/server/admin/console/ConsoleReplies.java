package io.paddock.server.admin.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paddock.server.admin.http.HttpReply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's answers: JSON bodies and the headers every console response carries. The
 * Content-Security-Policy allows scripts and styles from the console's own files only, so even
 * a znode's data that slipped into the page as markup could not run; framing is refused
 * (clickjacking), and nothing is cached or sniffed.
 *
 * <p>Thread-safe: the mapper is configured once and only used.
 */
final class ConsoleReplies {
    static final String JSON = "application/json; charset=utf-8";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private ConsoleReplies() {
    }

    static Map<String, String> headers(Map<String, String> extra) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        h.putAll(extra);
        return h;
    }

    static HttpReply json(int status, Object body) {
        return json(status, body, Map.of());
    }

    static HttpReply json(int status, Object body, Map<String, String> extraHeaders) {
        return new HttpReply(status, JSON, bytes(body), headers(extraHeaders));
    }

    /** An error as {@code {"error": message, "code": code}}. */
    static HttpReply error(int status, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("code", code);
        return json(status, m);
    }

    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the console's answer as JSON", e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A 64-bit id (zxid, session id) as JavaScript can hold it: a hex string. */
    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
