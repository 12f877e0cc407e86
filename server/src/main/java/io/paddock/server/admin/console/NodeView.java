package io.paddock.server.admin.console;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.Stat;
import io.paddock.server.acl.AclChecker;
import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One znode as the console shows it: the full Stat (64-bit ids as hex strings, since
 * JavaScript numbers cannot hold them), the ACL with zkCli's permission letters, the data in
 * its renderings, and the children's names, sorted and capped. The data is withheld unless
 * the node's ACL grants READ to world:anyone or to the ids the request's credentials prove,
 * as a client's getData would be refused.
 *
 * <p>Thread-safe: reads the live tree, which any thread may read.
 */
final class NodeView {
    static final int CHILD_LIMIT = 1000;

    private final DataTree tree;
    private final AclChecker acls;

    NodeView(DataTree tree, AclChecker acls) {
        this.tree = tree;
        this.acls = acls;
    }

    /** The node's view, or null when there is no such node. */
    Map<String, Object> of(String path, List<Id> ids) {
        DataNode node = tree.node(path);
        if (node == null) {
            return null;
        }
        // One copy of each part; a concurrent write may land between them, as for a client's
        // separate getData and getChildren.
        Stat stat = node.stat();
        List<ACL> acl = node.acl();
        List<String> children = new ArrayList<>(node.children());
        children.sort(null);
        boolean readable = acls.allowed(acl, ACL.Perms.READ, ids);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("stat", stat(stat));
        m.put("acl", acl.stream().map(NodeView::acl).toList());
        m.put("readable", readable);
        m.put("data", readable ? DataRendering.render(node.data()) : null);
        m.put("children", children.size() > CHILD_LIMIT ? children.subList(0, CHILD_LIMIT) : children);
        m.put("children_total", children.size());
        m.put("children_truncated", children.size() > CHILD_LIMIT);
        return m;
    }

    static Map<String, Object> stat(Stat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("czxid", ConsoleReplies.hex(s.czxid()));
        m.put("mzxid", ConsoleReplies.hex(s.mzxid()));
        m.put("pzxid", ConsoleReplies.hex(s.pzxid()));
        m.put("ctime", s.ctime());
        m.put("mtime", s.mtime());
        m.put("version", s.version());
        m.put("cversion", s.cversion());
        m.put("aversion", s.aversion());
        m.put("ephemeralOwner", ConsoleReplies.hex(s.ephemeralOwner()));
        m.put("dataLength", s.dataLength());
        m.put("numChildren", s.numChildren());
        return m;
    }

    static Map<String, Object> acl(ACL a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", a.id().scheme());
        m.put("id", a.id().id());
        m.put("perms", perms(a.perms()));
        return m;
    }

    /** zkCli's letters: c d r w a. */
    static String perms(int p) {
        StringBuilder b = new StringBuilder(5);
        if ((p & ACL.Perms.CREATE) != 0) {
            b.append('c');
        }
        if ((p & ACL.Perms.DELETE) != 0) {
            b.append('d');
        }
        if ((p & ACL.Perms.READ) != 0) {
            b.append('r');
        }
        if ((p & ACL.Perms.WRITE) != 0) {
            b.append('w');
        }
        if ((p & ACL.Perms.ADMIN) != 0) {
            b.append('a');
        }
        return b.toString();
    }
}
