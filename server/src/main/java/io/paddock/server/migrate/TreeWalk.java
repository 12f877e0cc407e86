package io.paddock.server.migrate;

import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.StoredNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Visits every node of a tree, parents before children, with its stored fields as a snapshot
 * saves them (each node copied under its own lock).
 *
 * <p>Not thread-safe: meant for a tree no one is writing, as the migration tools have.
 */
final class TreeWalk {

    /** Receives each node; the StoredNode is reused and valid only during the call. */
    @FunctionalInterface
    interface Visitor {
        void visit(String path, StoredNode node) throws IOException;
    }

    private TreeWalk() {
    }

    static void walk(DataTree tree, Visitor visitor) throws IOException {
        Deque<Object[]> pending = new ArrayDeque<>();
        StoredNode stored = new StoredNode();
        pending.push(new Object[] {DataTree.ROOT, tree.node(DataTree.ROOT)});
        while (!pending.isEmpty()) {
            Object[] next = pending.pop();
            String path = (String) next[0];
            ((DataNode) next[1]).copyStored(stored);
            // Children first onto the stack: the visitor may not keep the StoredNode.
            for (int i = 0; i < stored.numChildren(); i++) {
                pending.push(new Object[] {stored.childPath(i), stored.childNode(i)});
            }
            visitor.visit(path, stored);
        }
    }
}
