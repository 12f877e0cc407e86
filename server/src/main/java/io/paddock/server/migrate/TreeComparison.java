package io.paddock.server.migrate;

import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.StoredNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two states znode by znode, in path order, then session by session, then the last
 * zxid, and describes the first difference: a znode on one side only, or a field (data, ACL,
 * czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, pzxid, number of
 * children) that differs.
 *
 * <p>Thread-safe: stateless; the trees must not be changing.
 */
public final class TreeComparison {
    private TreeComparison() {
    }

    /** The first difference, or empty when the states are the same. */
    public static Optional<String> firstDifference(DataDirLoader.Loaded a, DataDirLoader.Loaded b)
            throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        TreeWalk.walk(a.tree(), (path, node) -> paths.add(path));
        TreeWalk.walk(b.tree(), (path, node) -> paths.add(path));
        StoredNode left = new StoredNode();
        StoredNode right = new StoredNode();
        for (String path : paths) {
            Optional<String> d = compareNode(path, a.tree(), b.tree(), left, right);
            if (d.isPresent()) {
                return d;
            }
        }
        Optional<String> s = compareSessions(a.sessions(), b.sessions());
        if (s.isPresent()) {
            return s;
        }
        long za = a.tree().lastProcessedZxid();
        long zb = b.tree().lastProcessedZxid();
        return za == zb ? Optional.empty() : Optional.of("last zxid: 0x" + Long.toHexString(za)
                + " in the first, 0x" + Long.toHexString(zb) + " in the second");
    }

    private static Optional<String> compareNode(String path, DataTree a, DataTree b,
            StoredNode left, StoredNode right) {
        DataNode na = a.node(path);
        DataNode nb = b.node(path);
        if (na == null || nb == null) {
            return Optional.of("znode " + path + " is only in the " + (na == null ? "second" : "first"));
        }
        na.copyStored(left);
        nb.copyStored(right);
        if (!Arrays.equals(left.data(), right.data())) {
            return Optional.of("znode " + path + ": data differs (" + describe(left.data())
                    + " vs " + describe(right.data()) + ")");
        }
        if (!left.acl().equals(right.acl())) {
            return Optional.of("znode " + path + ": ACL " + left.acl() + " vs " + right.acl());
        }
        long[][] fields = {
            {left.czxid(), right.czxid()}, {left.mzxid(), right.mzxid()},
            {left.ctime(), right.ctime()}, {left.mtime(), right.mtime()},
            {left.version(), right.version()}, {left.cversion(), right.cversion()},
            {left.aversion(), right.aversion()}, {left.ephemeralOwner(), right.ephemeralOwner()},
            {left.pzxid(), right.pzxid()}, {left.numChildren(), right.numChildren()}};
        String[] names = {"czxid", "mzxid", "ctime", "mtime", "version", "cversion (stored)",
            "aversion", "ephemeralOwner", "pzxid", "numChildren"};
        for (int i = 0; i < fields.length; i++) {
            if (fields[i][0] != fields[i][1]) {
                return Optional.of("znode " + path + ": " + names[i] + " " + fields[i][0]
                        + " (0x" + Long.toHexString(fields[i][0]) + ") vs " + fields[i][1]
                        + " (0x" + Long.toHexString(fields[i][1]) + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compareSessions(Map<Long, Integer> a, Map<Long, Integer> b) {
        TreeSet<Long> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        for (Long id : ids) {
            Integer ta = a.get(id);
            Integer tb = b.get(id);
            if (ta == null || tb == null) {
                return Optional.of("session 0x" + Long.toHexString(id) + " is only in the "
                        + (ta == null ? "second" : "first"));
            }
            if (!ta.equals(tb)) {
                return Optional.of("session 0x" + Long.toHexString(id) + ": timeout " + ta
                        + " ms vs " + tb + " ms");
            }
        }
        return Optional.empty();
    }

    private static String describe(byte[] data) {
        if (data == null) {
            return "null";
        }
        return data.length + " bytes" + (data.length <= 32 ? " " + Arrays.toString(data) : "");
    }
}
