package io.paddock.server.acl;

import io.paddock.protocol.Id;

/**
 * One ACL scheme: how a client proves an identity in it, how an ACL entry's id matches a
 * session's id, and which ids are well formed. Implementations are stateless and
 * thread-safe.
 */
public interface AuthProvider {
    String scheme();

    /** The id the auth bytes prove, or null when they prove nothing (AuthFailed). */
    Id authenticate(byte[] auth, String remoteAddress);

    /** Whether a session holding {@code id} of this scheme matches the ACL entry's id. */
    boolean matches(String id, String aclId);

    /** Whether an ACL entry may name this id. */
    boolean isValid(String aclId);

    /** Whether ids of this scheme stand for a proven user, so the "auth" scheme expands to them. */
    boolean isAuthenticated();

    /** The user name whoAmI reports for an id of this scheme. */
    default String userName(String id) {
        return id;
    }
}
