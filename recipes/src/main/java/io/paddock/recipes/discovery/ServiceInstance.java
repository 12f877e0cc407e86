package io.paddock.recipes.discovery;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One running instance of a service, stored at {@code /services/<name>/<id>} as UTF-8
 * {@code key=value} lines ({@code address}, {@code port}, then {@code meta.<key>} for each
 * metadata entry). Backslashes and line breaks in values are escaped, so any string survives.
 *
 * @param name the service's name (a path segment: no '/')
 * @param id this instance's id, unique within the service (a path segment)
 * @param address host name or IP
 * @param port TCP port
 * @param metadata free-form attributes (version, zone, weight...)
 */
public record ServiceInstance(String name, String id, String address, int port,
        Map<String, String> metadata) {

    public ServiceInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (name.contains("/") || id.contains("/")) {
            throw new IllegalArgumentException("name and id must be path segments");
        }
        metadata = Map.copyOf(metadata);
    }

    public ServiceInstance(String name, String id, String address, int port) {
        this(name, id, address, port, Map.of());
    }

    /** The node data: {@code key=value} lines. */
    public byte[] toBytes() {
        StringBuilder out = new StringBuilder();
        line(out, "address", address);
        line(out, "port", Integer.toString(port));
        new java.util.TreeMap<>(metadata).forEach((k, v) -> line(out, "meta." + k, v));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads node data written by {@link #toBytes()}; the name and id come from the node's path.
     *
     * @throws IllegalArgumentException if {@code port} is missing or not a number
     */
    public static ServiceInstance fromBytes(String name, String id, byte[] data) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = unescape(line.substring(eq + 1));
            if (key.startsWith("meta.")) {
                meta.put(key.substring(5), value);
            } else {
                fields.put(key, value);
            }
        }
        String port = fields.get("port");
        if (port == null) {
            throw new IllegalArgumentException("no port in the data of " + name + "/" + id);
        }
        return new ServiceInstance(name, id, fields.getOrDefault("address", ""),
                Integer.parseInt(port), meta);
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('\n');
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
