package io.paddock.server.config;

import java.util.Locale;

/** ssl.clientAuth: whether the secure client port asks clients for a certificate. */
public enum ClientAuthMode {
    /** No client certificate is asked for. */
    NONE,
    /** A certificate is asked for; a client without one still connects, without an x509 id. */
    WANT,
    /** A client without a trusted certificate fails the TLS handshake (ZooKeeper's default). */
    NEED;

    /** none, want or need, in any case; blank means NEED, as in ZooKeeper. */
    public static ClientAuthMode parse(String v) {
        if (v == null || v.isBlank()) {
            return NEED;
        }
        try {
            return valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected none, want or need");
        }
    }
}
