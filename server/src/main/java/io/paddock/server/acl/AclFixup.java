package io.paddock.server.acl;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates the ACL of a create or setACL and expands the "auth" scheme to the session's
 * authenticated ids, as PrepRequestProcessor.fixupACL: duplicates are dropped, an empty
 * list, an unknown scheme, a malformed id, or "auth" with no authenticated id is invalid.
 *
 * <p>Thread-safe.
 */
public final class AclFixup {
    private final AuthRegistry registry;

    public AclFixup(AuthRegistry registry) {
        this.registry = registry;
    }

    /** The ACL to store, or null when the request's ACL is invalid (InvalidACL). */
    public List<ACL> fixup(List<ACL> acl, List<Id> authInfo) {
        if (acl != null && acl.size() == 1) {
            // Most creates carry one entry of a concrete scheme (world:anyone above all): check it
            // without the copies the general case makes.
            ACL a = acl.get(0);
            Id id = a == null ? null : a.id();
            if (id != null && id.scheme() != null && id.id() != null
                    && !"auth".equals(id.scheme())) {
                AuthProvider p = registry.provider(id.scheme());
                return p != null && p.isValid(id.id()) ? List.of(a) : null;
            }
        }
        List<ACL> unique = new ArrayList<>();
        if (acl != null) {
            for (ACL a : acl) {
                if (!unique.contains(a)) {
                    unique.add(a);
                }
            }
        }
        if (unique.isEmpty()) {
            return null;
        }
        List<ACL> out = new ArrayList<>();
        for (ACL a : unique) {
            if (a == null || a.id() == null || a.id().scheme() == null || a.id().id() == null) {
                return null;
            }
            Id id = a.id();
            if ("auth".equals(id.scheme())) {
                if (!expandAuth(a.perms(), authInfo, out)) {
                    return null;
                }
            } else {
                AuthProvider p = registry.provider(id.scheme());
                if (p == null || !p.isValid(id.id())) {
                    return null;
                }
                out.add(a);
            }
        }
        return out;
    }

    private boolean expandAuth(int perms, List<Id> authInfo, List<ACL> out) {
        boolean any = false;
        for (Id cid : authInfo) {
            AuthProvider p = registry.provider(cid.scheme());
            if (p != null && p.isAuthenticated()) {
                any = true;
                out.add(new ACL(perms, cid));
            }
        }
        return any;
    }
}
