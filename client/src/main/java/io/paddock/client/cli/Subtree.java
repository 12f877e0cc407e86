package io.paddock.client.cli;

import io.paddock.client.PaddockClient;
import io.paddock.client.Watcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a subtree depth first, a node before its children and children in name order, as
 * zkCli's {@code ls -R} lists it. Reversed, the list deletes leaves before their parents.
 *
 * <p>Thread-safe: stateless.
 */
final class Subtree {
    private Subtree() {
    }

    /** {@code root} and every node below it; sets a child watch on each when {@code watcher}. */
    static List<String> paths(PaddockClient client, String root, Watcher watcher) {
        List<String> out = new ArrayList<>();
        visit(client, root, watcher, out);
        return out;
    }

    private static void visit(PaddockClient client, String path, Watcher watcher,
            List<String> out) {
        out.add(path);
        var children = watcher == null ? client.getChildren()
                : client.getChildren().watched(watcher);
        List<String> names = new ArrayList<>(children.forPath(path));
        names.sort(null);
        for (String name : names) {
            visit(client, child(path, name), watcher, out);
        }
    }

    static String child(String parent, String name) {
        return parent.endsWith("/") ? parent + name : parent + "/" + name;
    }
}
