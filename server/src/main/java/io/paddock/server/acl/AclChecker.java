package io.paddock.server.acl;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import java.util.List;

/**
 * Decides whether a session's ids grant a permission on a node, as ZooKeeperServer.checkACL:
 * an empty ACL grants everything, the super id passes every check, world:anyone matches
 * everyone, other entries match through their scheme's provider.
 *
 * <p>Thread-safe.
 */
public final class AclChecker {
    private final AuthRegistry registry;

    public AclChecker(AuthRegistry registry) {
        this.registry = registry;
    }

    public boolean allowed(List<ACL> acl, int perm, List<Id> authInfo) {
        if (acl == null || acl.isEmpty()) {
            return true;
        }
        for (Id id : authInfo) {
            if (AuthRegistry.SUPER.scheme().equals(id.scheme())) {
                return true;
            }
        }
        for (ACL entry : acl) {
            if ((entry.perms() & perm) != 0 && grants(entry.id(), authInfo)) {
                return true;
            }
        }
        return false;
    }

    private boolean grants(Id aclId, List<Id> authInfo) {
        if ("world".equals(aclId.scheme()) && "anyone".equals(aclId.id())) {
            return true;
        }
        AuthProvider provider = registry.provider(aclId.scheme());
        if (provider == null) {
            return false;
        }
        for (Id id : authInfo) {
            if (id.scheme().equals(aclId.scheme()) && provider.matches(id.id(), aclId.id())) {
                return true;
            }
        }
        return false;
    }
}
