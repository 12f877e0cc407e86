package io.paddock.server.request;

import io.paddock.protocol.ACL;
import java.util.List;

/**
 * A node as it will be once the outstanding txns are applied (ZooKeeper's ChangeRecord):
 * only the fields validation reads. {@code exists} false marks a pending delete.
 */
record ChangeRecord(String path, boolean exists, int version, int cversion, int aversion,
        long ephemeralOwner, int childCount, List<ACL> acl) {

    static ChangeRecord deleted(String path) {
        return new ChangeRecord(path, false, 0, 0, 0, 0, 0, List.of());
    }

    ChangeRecord withVersion(int v) {
        return new ChangeRecord(path, exists, v, cversion, aversion, ephemeralOwner, childCount,
                acl);
    }

    ChangeRecord withAcl(List<ACL> newAcl, int newAversion) {
        return new ChangeRecord(path, exists, version, cversion, newAversion, ephemeralOwner,
                childCount, newAcl);
    }

    ChangeRecord withChildAdded(int newCversion) {
        return new ChangeRecord(path, exists, version, newCversion, aversion, ephemeralOwner,
                childCount + 1, acl);
    }

    ChangeRecord withChildRemoved() {
        return new ChangeRecord(path, exists, version, cversion, aversion, ephemeralOwner,
                childCount - 1, acl);
    }
}
