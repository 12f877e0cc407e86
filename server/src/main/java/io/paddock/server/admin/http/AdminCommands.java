package io.paddock.server.admin.http;

import io.paddock.server.admin.AdminSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ZooKeeper 3.9's AdminServer commands, answered from a running Paddock server with the same
 * JSON field names. A response is built as ZooKeeper's {@code CommandResponse.toMap()} builds
 * it: the command's fields, then {@code command} (the primary name) and {@code error} (null
 * unless the command set one). An unknown name gets ZooKeeper's answer, an error field.
 *
 * <p>Thread-safe: the table is fixed at construction and each command reads live state.
 */
public final class AdminCommands {
    public static final String KEY_COMMAND = "command";
    public static final String KEY_ERROR = "error";

    private final Map<String, AdminCommand> byName = new HashMap<>();
    private final List<String> primaryNames;

    public AdminCommands(AdminSources sources) {
        List<AdminCommand> all = new ArrayList<>();
        all.addAll(ServerCommands.all(sources));
        all.addAll(ConnectionCommands.all(sources));
        all.addAll(DataCommands.all(sources));
        all.addAll(EnvironmentCommands.all(sources));
        TreeSet<String> primaries = new TreeSet<>();
        for (AdminCommand c : all) {
            for (String name : c.names()) {
                if (byName.put(name, c) != null) {
                    throw new IllegalStateException("two admin commands are named " + name);
                }
            }
            primaries.add(c.primaryName());
        }
        this.primaryNames = List.copyOf(primaries);
    }

    /** The primary names, sorted, as the command index lists them. */
    public List<String> primaryNames() {
        return primaryNames;
    }

    public boolean exists(String name) {
        return byName.containsKey(name);
    }

    /** Runs {@code name} and returns the response map, in ZooKeeper's key order. */
    public Map<String, Object> run(String name, Map<String, String> params) {
        AdminCommand command = byName.get(name);
        if (command == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(KEY_COMMAND, name);
            m.put(KEY_ERROR, "Unknown command: " + name);
            return m;
        }
        Map<String, Object> data = command.body().apply(params);
        Map<String, Object> m = new LinkedHashMap<>(data);
        m.put(KEY_COMMAND, command.primaryName());
        m.put(KEY_ERROR, null);
        m.putAll(data);
        return m;
    }
}
