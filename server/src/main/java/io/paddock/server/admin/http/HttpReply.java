package io.paddock.server.admin.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP answer of an operator endpoint: status, content type, body and extra headers.
 * Immutable.
 */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpReply {
        headers = Map.copyOf(headers);
    }

    public static HttpReply of(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static HttpReply json(int status, String body) {
        return of(status, "application/json", body);
    }

    public static HttpReply notFound(String path) {
        return of(404, "text/plain; charset=utf-8", "no such page: " + path + "\n");
    }
}
