package io.paddock.server.auth;

import io.paddock.protocol.Id;
import io.paddock.server.acl.AuthRegistry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The x509 scheme, as ZooKeeper's X509AuthenticationProvider: a client's id is the subject
 * of its certificate, its distinguished name in RFC 2253 form
 * ({@code CN=alice,OU=ops,O=Example}); an ACL entry matches that exact string. The subject
 * named by X509AuthenticationProvider.superUser also gets the super id. The TLS handshake
 * has already checked the chain against the trust store before this sees it.
 *
 * <p>Immutable and thread-safe.
 */
public final class X509AuthProvider implements CertificateAuthProvider {
    private final String superUser;

    /** @param superUser the subject that becomes super, or null */
    public X509AuthProvider(String superUser) {
        this.superUser = superUser;
    }

    @Override
    public String scheme() {
        return "x509";
    }

    @Override
    public List<Id> authenticate(X509Certificate[] chain) {
        List<Id> ids = new ArrayList<>(2);
        if (chain == null || chain.length == 0) {
            return ids;
        }
        String subject = chain[0].getSubjectX500Principal().getName();
        if (subject.equals(superUser)) {
            ids.add(AuthRegistry.SUPER);
        }
        ids.add(new Id(scheme(), subject));
        return ids;
    }

    /** An addauth packet proves nothing here: the certificate comes with the connection. */
    @Override
    public Id authenticate(byte[] auth, String remoteAddress) {
        return null;
    }

    @Override
    public boolean matches(String id, String aclId) {
        return id.equals(aclId) || (superUser != null && id.equals(superUser));
    }

    @Override
    public boolean isValid(String aclId) {
        try {
            new X500Principal(aclId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean isAuthenticated() {
        return true;
    }
}
