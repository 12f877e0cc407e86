package io.paddock.client.cli;

import io.paddock.client.PaddockClient;
import io.paddock.client.StatHolder;
import io.paddock.client.api.CreateBuilder;
import io.paddock.client.api.TransactionBuilder;
import io.paddock.client.exception.PaddockException;
import io.paddock.protocol.CreateMode;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * Reading and writing znodes: ls, get, stat, set, create, delete and deleteall, with zkCli's
 * flags and output.
 *
 * <p>Thread-safe: stateless; each run works on the invocation it is given.
 */
final class NodeCommands {
    private NodeCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("ls", "[-s] [-w] [-R] path",
                        Command.flags("s", "stat", "w", "watch", "R", "recurse"), 1,
                        NodeCommands::ls),
                new Command("get", "[-s] [-w] path",
                        Command.flags("s", "stat", "w", "watch"), 1, NodeCommands::get),
                new Command("stat", "[-w] path", Command.flags("w", "watch"), 1,
                        NodeCommands::stat),
                new Command("set", "[-s] [-v version] [-b] path data", new Options()
                        .addOption("s", false, "print the stat")
                        .addOption("v", true, "expected version")
                        .addOption("b", false, "data is base64"), 2, NodeCommands::set),
                new Command("create", "[-s] [-e] [-c] [-t ttl] path [data] [acl]", new Options()
                        .addOption("e", false, "ephemeral")
                        .addOption("s", false, "sequential")
                        .addOption("c", false, "container")
                        .addOption("t", true, "ttl in ms"), 1, NodeCommands::create),
                new Command("delete", "[-v version] path",
                        new Options().addOption("v", true, "expected version"), 1,
                        NodeCommands::delete),
                new Command("deleteall", "path [-b batch size]",
                        new Options().addOption("b", true, "deletes per transaction"), 1,
                        NodeCommands::deleteAll));
    }

    private static Reply ls(Invocation inv) {
        PaddockClient client = inv.client();
        String path = inv.arg(0);
        var watcher = inv.has("w") ? inv.session().watcher() : null;
        if (inv.has("R")) {
            List<String> paths = Subtree.paths(client, path, watcher);
            return Reply.of(String.join("\n", paths), Map.of("paths", paths));
        }
        StatHolder stat = new StatHolder();
        var builder = client.getChildren().storingStatIn(stat);
        if (watcher != null) {
            builder.watched(watcher);
        }
        List<String> children = new ArrayList<>(builder.forPath(path));
        children.sort(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("children", children);
        return StatView.withStat("[" + String.join(", ", children) + "]", json, stat.get(),
                inv.has("s"));
    }

    private static Reply get(Invocation inv) {
        StatHolder stat = new StatHolder();
        var builder = inv.client().getData().storingStatIn(stat);
        if (inv.has("w")) {
            builder.watched(inv.session().watcher());
        }
        byte[] data = builder.forPath(inv.arg(0));
        String text = data == null ? null : new String(data, StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", text);
        return StatView.withStat(text == null ? "null" : text, json, stat.get(), inv.has("s"));
    }

    private static Reply stat(Invocation inv) {
        var builder = inv.client().checkExists();
        if (inv.has("w")) {
            builder.watched(inv.session().watcher());
        }
        Stat stat = builder.forPath(inv.arg(0));
        if (stat == null) {
            throw PaddockException.of(ErrorCode.NO_NODE, inv.arg(0));
        }
        return Reply.of(StatView.text(stat), StatView.json(stat));
    }

    private static Reply set(Invocation inv) {
        byte[] data;
        if (inv.has("b")) {
            try {
                data = Base64.getDecoder().decode(inv.arg(1));
            } catch (IllegalArgumentException e) {
                throw ShellException.usage("-b: data is not base64: " + inv.arg(1));
            }
        } else {
            data = inv.arg(1).getBytes(StandardCharsets.UTF_8);
        }
        Stat stat = inv.client().setData().withVersion(inv.intFlag("v", -1))
                .forPath(inv.arg(0), data);
        return StatView.withStat("", new LinkedHashMap<>(), stat, inv.has("s"));
    }

    private static Reply create(Invocation inv) {
        CreateMode mode = createMode(inv);
        CreateBuilder<String> builder = inv.client().create().withMode(mode);
        if (inv.has("t")) {
            builder.withTtl(Duration.ofMillis(inv.longFlag("t", 0)));
        }
        if (inv.args().size() > 2) {
            builder.withAcl(Acls.parse(inv.arg(2)));
        }
        String data = inv.argOr(1, null);
        String created = data == null ? builder.forPath(inv.arg(0))
                : builder.forPath(inv.arg(0), data.getBytes(StandardCharsets.UTF_8));
        return Reply.of("Created " + created, Map.of("path", created));
    }

    /** zkCli's rules for combining -e, -s, -c and -t, with its messages. */
    private static CreateMode createMode(Invocation inv) {
        boolean e = inv.has("e");
        boolean s = inv.has("s");
        boolean c = inv.has("c");
        boolean t = inv.has("t");
        if (c && (e || s)) {
            throw ShellException.usage("-c cannot be combined with -s or -e. Containers cannot"
                    + " be ephemeral or sequential.");
        }
        if (t && e) {
            throw ShellException.usage("TTLs cannot be used with Ephemeral znodes");
        }
        if (t && c) {
            throw ShellException.usage("TTLs cannot be used with Container znodes");
        }
        if (t && inv.longFlag("t", 0) <= 0) {
            throw ShellException.usage("-t: ttl must be a positive number of ms");
        }
        if (e) {
            return s ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL;
        }
        if (s) {
            return t ? CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL : CreateMode.PERSISTENT_SEQUENTIAL;
        }
        if (c) {
            return CreateMode.CONTAINER;
        }
        return t ? CreateMode.PERSISTENT_WITH_TTL : CreateMode.PERSISTENT;
    }

    private static Reply delete(Invocation inv) {
        inv.client().delete().withVersion(inv.intFlag("v", -1)).forPath(inv.arg(0));
        return Reply.of("", Map.of("path", inv.arg(0)));
    }

    /**
     * Deletes a subtree leaves first, {@code -b} nodes per transaction (1000 by default, as
     * zkCli). A node that vanished meanwhile is someone else's delete, not a failure.
     */
    private static Reply deleteAll(Invocation inv) {
        int batch = inv.intFlag("b", 1000);
        if (batch < 1) {
            throw ShellException.usage("-b argument must be a positive number");
        }
        PaddockClient client = inv.client();
        List<String> paths = new ArrayList<>(Subtree.paths(client, inv.arg(0), null));
        Collections.reverse(paths);
        for (int from = 0; from < paths.size(); from += batch) {
            List<String> chunk = paths.subList(from, Math.min(paths.size(), from + batch));
            TransactionBuilder<?> txn = client.transaction();
            chunk.forEach(txn::delete);
            try {
                txn.commit();
            } catch (PaddockException e) {
                if (e.code() != ErrorCode.NO_NODE) {
                    throw e;
                }
                chunk.forEach(p -> deleteIfThere(client, p));
            }
        }
        return Reply.of("", Map.of("deleted", paths.size()));
    }

    private static void deleteIfThere(PaddockClient client, String path) {
        try {
            client.delete().forPath(path);
        } catch (PaddockException e) {
            if (e.code() != ErrorCode.NO_NODE) {
                throw e;
            }
        }
    }
}
