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

    List<ACL> intern(List<ACL> acl) {
        List<ACL> shared = lists.get(acl);
        if (shared != null) {
            return shared;
        }
        List<ACL> copy = List.copyOf(acl);
        List<ACL> raced = lists.putIfAbsent(copy, copy);
        return raced != null ? raced : copy;
    }

    int size() {
        return lists.size();
    }
}
