package io.paddock.server.admin.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.paddock.server.admin.http.HttpGet;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A test's calls of the console's JSON API: reads, and writes as the console's page makes them. */
final class ConsoleHttp {
    private final InetSocketAddress admin;

    ConsoleHttp(InetSocketAddress admin) {
        this.admin = admin;
    }

    JsonNode node(String path) {
        return HttpGet.json(admin, "/console/api/node?path=" + enc(path));
    }

    HttpResponse<String> nodeAs(String path, String userPassword) {
        return HttpGet.send(HttpRequest.newBuilder(HttpGet.uri(admin,
                "/console/api/node?path=" + enc(path))).header("Authorization", basic(userPassword)).GET());
    }

    JsonNode api(String name) {
        return HttpGet.json(admin, "/console/api/" + name);
    }

    /** A write as the console's own page sends it, with these credentials (null for none). */
    HttpResponse<String> write(String op, String json, String userPassword) {
        HttpRequest.Builder b = post(op, json)
                .header("Content-Type", "application/json")
                .header("X-Paddock-Console", "1")
                .header("Origin", "http://127.0.0.1:" + admin.getPort());
        if (userPassword != null) {
            b.header("Authorization", basic(userPassword));
        }
        return HttpGet.send(b);
    }

    HttpRequest.Builder post(String op, String json) {
        return HttpRequest.newBuilder(HttpGet.uri(admin, "/console/api/" + op))
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(
                userPassword.getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
