package io.paddock.server.admin.console;

import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds znodes whose path contains a string (any case), breadth first from a starting node,
 * so that shallow matches come first. Bounded twice, so that a search of a tree of millions of
 * nodes answers quickly on the admin thread: at most {@link #RESULT_LIMIT} matches, and at most
 * {@link #VISIT_LIMIT} nodes looked at; the answer says when either stopped it.
 *
 * <p>Thread-safe: reads the live tree; a node deleted during the walk is skipped.
 */
final class TreeSearch {
    static final int RESULT_LIMIT = 200;
    static final int VISIT_LIMIT = 200_000;

    private final DataTree tree;

    TreeSearch(DataTree tree) {
        this.tree = tree;
    }

    Map<String, Object> search(String from, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(from);
        int visited = 0;
        while (!queue.isEmpty() && matches.size() < RESULT_LIMIT && visited < VISIT_LIMIT) {
            String path = queue.poll();
            DataNode node = tree.node(path);
            if (node == null) {
                continue;
            }
            visited++;
            if (!q.isEmpty() && path.toLowerCase(Locale.ROOT).contains(q)) {
                matches.add(path);
            }
            List<String> children = new ArrayList<>(node.children());
            children.sort(null);
            for (String child : children) {
                queue.add(path.equals("/") ? "/" + child : path + "/" + child);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", query);
        m.put("from", from);
        m.put("matches", matches);
        m.put("visited", visited);
        m.put("complete", queue.isEmpty() && matches.size() < RESULT_LIMIT);
        return m;
    }
}
