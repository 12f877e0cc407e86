package io.paddock.server.admin.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One request as an {@link HttpEndpoint} hands it to its routes: method, path, the query's
 * parameters (the first value of each), the headers (names lower-cased, the first value of
 * each) and the body. Immutable.
 */
public record HttpCall(String method, String path, Map<String, String> params,
        Map<String, String> headers, byte[] body) {

    public HttpCall {
        params = Map.copyOf(params);
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** A GET with no headers and no body, as tests and simple callers make it. */
    public static HttpCall get(String path, Map<String, String> params) {
        return new HttpCall("GET", path, params, Map.of(), new byte[0]);
    }

    /** The header's value, or null; {@code name} in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isRead() {
        return method.equals("GET") || method.equals("HEAD");
    }
}
