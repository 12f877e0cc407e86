package io.paddock.server.acl;

import io.paddock.protocol.Id;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The digest scheme: auth bytes "user:password" prove the id
 * "user:base64(sha1(user:password))", the form ACL entries store.
 */
public final class DigestAuthProvider implements AuthProvider {
    @Override
    public String scheme() {
        return "digest";
    }

    @Override
    public Id authenticate(byte[] auth, String remoteAddress) {
        if (auth == null) {
            return null;
        }
        return new Id(scheme(), digest(new String(auth, StandardCharsets.UTF_8)));
    }

    @Override
    public boolean matches(String id, String aclId) {
        return id.equals(aclId);
    }

    @Override
    public boolean isValid(String aclId) {
        // As ZooKeeper: exactly "user:hash", both non-empty.
        return aclId.split(":").length == 2 && !aclId.startsWith(":");
    }

    @Override
    public String userName(String id) {
        return id.split(":")[0];
    }

    @Override
    public boolean isAuthenticated() {
        return true;
    }

    /** The stored form of "user:password": the user, a colon, base64 of SHA-1 of the whole. */
    public static String digest(String userPassword) {
        int colon = userPassword.indexOf(':');
        String user = colon < 0 ? userPassword : userPassword.substring(0, colon);
        try {
            byte[] sha = MessageDigest.getInstance("SHA1")
                    .digest(userPassword.getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
