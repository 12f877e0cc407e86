package io.paddock.server.migrate;

import io.paddock.server.tree.DataTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.data.StatPersisted;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * ZooKeeper's own restore (FileTxnSnapLog.restore) of a data directory, as a dump of stored
 * fields to hold Paddock's import against. Run it on a copy: ZooKeeper deletes an empty last log.
 */
final class ZooKeeperOracle {
    private ZooKeeperOracle() {
    }

    record Restored(Map<String, String> nodes, Map<Long, Integer> sessions, long zxid) {
    }

    static Restored restore(Path dataDir, Path logDir) throws Exception {
        FileTxnSnapLog snapLog = new FileTxnSnapLog(logDir.toFile(), dataDir.toFile());
        org.apache.zookeeper.server.DataTree dt = new org.apache.zookeeper.server.DataTree();
        Map<Long, Integer> sessions = new HashMap<>();
        long zxid = snapLog.restore(dt, sessions, (hdr, rec, digest) -> { });
        snapLog.close();
        Map<String, String> out = new TreeMap<>();
        walk(dt, "/", out);
        return new Restored(out, new TreeMap<>(sessions), zxid);
    }

    private static void walk(org.apache.zookeeper.server.DataTree dt, String path,
            Map<String, String> out) {
        DataNode n = dt.getNode(path.equals("/") ? "" : path);
        List<String> children;
        synchronized (n) {
            StatPersisted s = n.stat;
            out.put(path, describe(n.getData(), acl(dt.getACL(n)), s.getCzxid(), s.getMzxid(),
                    s.getCtime(), s.getMtime(), s.getVersion(), s.getCversion(), s.getAversion(),
                    s.getEphemeralOwner(), s.getPzxid(), n.getChildren().size()));
            children = new ArrayList<>(n.getChildren());
        }
        for (String c : children) {
            walk(dt, path.equals("/") ? "/" + c : path + "/" + c, out);
        }
    }

    private static String acl(List<org.apache.zookeeper.data.ACL> acl) {
        List<String> parts = new ArrayList<>();
        for (org.apache.zookeeper.data.ACL a : acl) {
            parts.add(a.getPerms() + ":" + a.getId().getScheme() + ":" + a.getId().getId());
        }
        return parts.toString();
    }

    /** The same dump of a Paddock tree. */
    static Map<String, String> dump(DataTree tree) throws Exception {
        Map<String, String> out = new TreeMap<>();
        TreeWalk.walk(tree, (path, n) -> {
            List<String> parts = new ArrayList<>();
            n.acl().forEach(a -> parts.add(a.perms() + ":" + a.id().scheme() + ":" + a.id().id()));
            out.put(path, describe(n.data(), parts.toString(), n.czxid(), n.mzxid(), n.ctime(),
                    n.mtime(), n.version(), n.cversion(), n.aversion(), n.ephemeralOwner(),
                    n.pzxid(), n.numChildren()));
        });
        return out;
    }

    private static String describe(byte[] data, String acl, long czxid, long mzxid, long ctime,
            long mtime, int version, int cversion, int aversion, long owner, long pzxid,
            int children) {
        return "data=" + (data == null ? "null" : Arrays.toString(data)) + " acl=" + acl
                + " czxid=" + czxid + " mzxid=" + mzxid + " ctime=" + ctime + " mtime=" + mtime
                + " version=" + version + " cversion=" + cversion + " aversion=" + aversion
                + " owner=0x" + Long.toHexString(owner) + " pzxid=" + pzxid
                + " children=" + children;
    }
}
