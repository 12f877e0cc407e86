package io.paddock.server.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/** Every znode's data, stat and ACL as a client reads them, for before/after comparisons. */
final class TreeDump {
    private TreeDump() {
    }

    record NodeView(String data, Stat stat, List<ACL> acl) {
        @Override
        public String toString() {
            return "data=" + data + " stat=" + stat.toString().trim().replace('\n', ' ')
                    + " acl=" + acl;
        }
    }

    static Map<String, NodeView> of(ZooKeeper zk) throws Exception {
        Map<String, NodeView> out = new TreeMap<>();
        walk(zk, "/", out);
        return out;
    }

    private static void walk(ZooKeeper zk, String path, Map<String, NodeView> out)
            throws Exception {
        Stat stat = new Stat();
        byte[] data = zk.getData(path, false, stat);
        Stat aclStat = new Stat();
        List<ACL> acl = zk.getACL(path, aclStat);
        out.put(path, new NodeView(data == null ? null : Arrays.toString(data), stat, acl));
        List<String> children = new ArrayList<>(zk.getChildren(path, false));
        for (String child : children) {
            walk(zk, path.equals("/") ? "/" + child : path + "/" + child, out);
        }
    }
}
