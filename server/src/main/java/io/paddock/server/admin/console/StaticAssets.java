package io.paddock.server.admin.console;

import io.paddock.server.admin.http.HttpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's page, script and style sheet, read once from the jar
 * ({@code io/paddock/server/admin/console/}). Only these names are served, so no request
 * path ever reaches the class path.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class StaticAssets {
    private static final String BASE = "/io/paddock/server/admin/console/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> files;

    StaticAssets() {
        Map<String, byte[]> loaded = new HashMap<>();
        for (String name : TYPES.keySet()) {
            loaded.put(name, read(name));
        }
        this.files = Map.copyOf(loaded);
    }

    /** The named file, or null when the console has no such file. */
    HttpReply get(String name) {
        byte[] body = files.get(name);
        if (body == null) {
            return null;
        }
        return new HttpReply(200, TYPES.get(name), body, ConsoleReplies.headers(Map.of()));
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name
                        + " is missing from the jar (" + BASE + name + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + name, e);
        }
    }
}
