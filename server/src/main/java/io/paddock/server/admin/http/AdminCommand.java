package io.paddock.server.admin.http;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One admin command: its names (the first is the primary one ZooKeeper reports in the
 * {@code command} field, the others are aliases such as the four-letter word) and what it
 * returns for the query parameters. The body runs on the admin endpoint's thread and must be
 * thread-safe towards the server.
 */
public record AdminCommand(List<String> names, Function<Map<String, String>, Map<String, Object>> body) {

    public AdminCommand {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a command needs a name");
        }
    }

    public static AdminCommand of(List<String> names,
            Function<Map<String, String>, Map<String, Object>> body) {
        return new AdminCommand(names, body);
    }

    public String primaryName() {
        return names.get(0);
    }
}
