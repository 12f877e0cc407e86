package io.paddock.client.cli;

import io.paddock.client.StatHolder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Questions about the session and the server: sync, getEphemerals, getAllChildrenNumber and
 * config, with zkCli's flags and output.
 *
 * <p>Thread-safe: stateless; each run works on the invocation it is given.
 */
final class ServerCommands {
    /** Where ZooKeeper keeps the dynamic configuration (outside any chroot). */
    private static final String CONFIG_NODE = "/zookeeper/config";

    private ServerCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("sync", "path", Command.flags(), 1, ServerCommands::sync),
                new Command("getEphemerals", "[path]", Command.flags(), 0,
                        ServerCommands::ephemerals),
                new Command("getAllChildrenNumber", "path", Command.flags(), 1,
                        ServerCommands::allChildrenNumber),
                new Command("config", "[-c] [-w] [-s]", Command.flags("c", "client addresses only",
                        "w", "watch", "s", "stat"), 0, ServerCommands::config));
    }

    private static Reply sync(Invocation inv) {
        inv.client().sync().forPath(inv.arg(0));
        return Reply.of("Sync is OK", Map.of("path", inv.arg(0)));
    }

    private static Reply ephemerals(Invocation inv) {
        List<String> paths = inv.client().getEphemerals(inv.argOr(0, "/"));
        return Reply.of(paths.toString(), Map.of("ephemerals", paths));
    }

    private static Reply allChildrenNumber(Invocation inv) {
        int n = inv.client().getAllChildrenNumber(inv.arg(0));
        return Reply.of(Integer.toString(n), Map.of("number", n));
    }

    private static Reply config(Invocation inv) {
        StatHolder stat = new StatHolder();
        var builder = inv.client().getData().storingStatIn(stat);
        if (inv.has("w")) {
            builder.watched(inv.session().watcher());
        }
        byte[] data = builder.forPath(CONFIG_NODE);
        String text = data == null ? "null" : new String(data, StandardCharsets.UTF_8);
        if (inv.has("c")) {
            text = clientConfig(text);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", text);
        return StatView.withStat(text, json, stat.get(), inv.has("s"));
    }

    /**
     * zkCli's {@code config -c}: the config's version and the client addresses of its servers
     * ({@code server.N=host:quorum:election[:role];[clientHost:]clientPort}).
     */
    static String clientConfig(String config) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(config));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        List<String> addresses = new ArrayList<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            String value = props.getProperty(key).trim();
            int semi = value.indexOf(';');
            if (!key.startsWith("server.") || semi < 0) {
                continue;
            }
            String client = value.substring(semi + 1).trim();
            if (!client.contains(":")) {
                String host = value.substring(0, value.indexOf(':'));
                client = host + ":" + client;
            }
            addresses.add(client);
        }
        return props.getProperty("version", "").trim() + " " + String.join(",", addresses);
    }
}
