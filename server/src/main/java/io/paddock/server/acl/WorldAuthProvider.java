package io.paddock.server.acl;

import io.paddock.protocol.Id;

/** The world scheme: one id, "anyone", which every session matches. */
public final class WorldAuthProvider implements AuthProvider {
    @Override
    public String scheme() {
        return "world";
    }

    @Override
    public Id authenticate(byte[] auth, String remoteAddress) {
        return null;
    }

    @Override
    public boolean matches(String id, String aclId) {
        return "anyone".equals(aclId);
    }

    @Override
    public boolean isValid(String aclId) {
        return "anyone".equals(aclId);
    }

    @Override
    public boolean isAuthenticated() {
        return false;
    }
}
