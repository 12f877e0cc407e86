package io.paddock.server.migrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/** Every znode's data, ACL and every Stat field, read through the official client. */
final class ZnodeDump {
    private ZnodeDump() {
    }

    static Map<String, String> of(ZooKeeper zk) throws Exception {
        Map<String, String> out = new TreeMap<>();
        walk(zk, "/", out);
        return out;
    }

    private static void walk(ZooKeeper zk, String path, Map<String, String> out) throws Exception {
        Stat stat = new Stat();
        byte[] data = zk.getData(path, false, stat);
        List<ACL> acl = zk.getACL(path, new Stat());
        out.put(path, "data=" + (data == null ? "null" : Arrays.toString(data))
                + " acl=" + acl + " stat=" + describe(stat));
        for (String child : new ArrayList<>(zk.getChildren(path, false))) {
            walk(zk, path.equals("/") ? "/" + child : path + "/" + child, out);
        }
    }

    static String describe(Stat s) {
        return "czxid=" + s.getCzxid() + " mzxid=" + s.getMzxid() + " ctime=" + s.getCtime()
                + " mtime=" + s.getMtime() + " version=" + s.getVersion() + " cversion="
                + s.getCversion() + " aversion=" + s.getAversion() + " ephemeralOwner=0x"
                + Long.toHexString(s.getEphemeralOwner()) + " dataLength=" + s.getDataLength()
                + " numChildren=" + s.getNumChildren() + " pzxid=" + s.getPzxid();
    }

    /** The first path whose entry differs, with both sides, or null if the dumps are equal. */
    static String firstDifference(Map<String, String> expected, Map<String, String> actual) {
        TreeMap<String, Boolean> paths = new TreeMap<>();
        expected.keySet().forEach(p -> paths.put(p, true));
        actual.keySet().forEach(p -> paths.put(p, true));
        for (String p : paths.keySet()) {
            String e = expected.get(p);
            String a = actual.get(p);
            if (e == null || !e.equals(a)) {
                return p + "\n  expected: " + e + "\n  actual:   " + a;
            }
        }
        return null;
    }
}
