package io.paddock.server.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A test's HTTP client for the operator endpoints: GET a path, read status and body. */
public final class HttpGet {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Timing.scaled(Duration.ofSeconds(10))).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpGet() {
    }

    public static HttpResponse<String> get(InetSocketAddress server, String path) {
        return send(HttpRequest.newBuilder(uri(server, path)).GET());
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Timing.scaled(Duration.ofSeconds(10))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static URI uri(InetSocketAddress server, String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    /** GETs a path that must answer 200 with JSON, and parses it. */
    public static JsonNode json(InetSocketAddress server, String path) {
        HttpResponse<String> r = get(server, path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
