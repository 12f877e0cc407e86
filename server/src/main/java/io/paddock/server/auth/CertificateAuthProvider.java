package io.paddock.server.auth;

import io.paddock.protocol.Id;
import io.paddock.server.acl.AuthProvider;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A scheme whose identity comes from the client's TLS certificate (ssl.authProvider names
 * it; x509 by default). Implementations are stateless and thread-safe.
 */
public interface CertificateAuthProvider extends AuthProvider {
    /** The ids a verified certificate chain (the client's own first) proves; empty for none. */
    List<Id> authenticate(X509Certificate[] chain);
}
