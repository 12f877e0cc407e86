package io.paddock.server.auth;

import io.paddock.protocol.Id;
import io.paddock.server.acl.AuthProvider;

/**
 * The sasl scheme, as ZooKeeper's SASLAuthenticationProvider: the id is the authorization id a
 * SASL exchange (op sasl) ended with, and an ACL entry matches it exactly. An addauth packet
 * proves nothing: SASL is negotiated by the session, not sent as credentials.
 *
 * <p>Stateless and thread-safe.
 */
public final class SaslAuthProvider implements AuthProvider {
    @Override
    public String scheme() {
        return "sasl";
    }

    @Override
    public Id authenticate(byte[] auth, String remoteAddress) {
        return null;
    }

    @Override
    public boolean matches(String id, String aclId) {
        return id.equals("super") || id.equals(aclId);
    }

    /** Kerberos principal syntax, loosely: a name, then an optional /host and @REALM. */
    @Override
    public boolean isValid(String aclId) {
        return aclId.matches("[^/@]+(/[^/@]+)?(@[^/@]+)?");
    }

    @Override
    public boolean isAuthenticated() {
        return true;
    }
}
