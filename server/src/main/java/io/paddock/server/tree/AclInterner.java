package io.paddock.server.tree;

import io.paddock.protocol.ACL;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared, immutable copy of each distinct ACL list. Nearly every znode of a tree carries
 * one of a handful of ACLs, and each request decodes its own copy; without sharing, the ACL
 * objects would cost more heap per node than a 100-byte value (ZooKeeper shares them through
 * its ReferenceCountedACLCache for the same reason).
 *
 * <p>Thread-safe. Lists are never evicted: the number of distinct ACLs is small in practice.
 */
final class AclInterner {
    private final ConcurrentHashMap<List<ACL>, List<ACL>> lists = new ConcurrentHashMap<>();
    /**
     * The shared copy handed out last. Restoring a snapshot passes the same shared copy for
     * node after node; recognising it by identity skips hashing the list. Shared copies are
     * immutable, so a stale or racy read only costs the map lookup.
     */
    private volatile List<ACL> recent;

    List<ACL> intern(List<ACL> acl) {
        List<ACL> last = recent;
        if (acl == last && last != null) {
            // The preparer interns each write's ACL, so the apply thread mostly gets it back.
            return last;
        }
        if (last != null && acl.equals(last)) {
            // Most writes carry the ACL the previous one did; comparing a short list is cheaper
            // than hashing a freshly decoded one, whose strings have no cached hash yet.
            return last;
        }
        List<ACL> shared = lists.get(acl);
        if (shared == null) {
            List<ACL> copy = List.copyOf(acl);
            List<ACL> raced = lists.putIfAbsent(copy, copy);
            shared = raced != null ? raced : copy;
        }
        if (shared != last) {
            recent = shared;
        }
        return shared;
    }

    int size() {
        return lists.size();
    }
}
