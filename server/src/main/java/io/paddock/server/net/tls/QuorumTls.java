package io.paddock.server.net.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.paddock.server.config.ConfigException;
import io.paddock.server.config.QuorumTlsConfig;
import io.paddock.server.config.SecurityConfig;
import io.paddock.zab.transport.PeerTls;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the peer transport's TLS ({@link PeerTls}) from sslQuorum and the ssl.quorum.* keys:
 * one key store serves both as the certificate this server presents when it accepts a peer and
 * when it dials one, and the trust store decides which peers it accepts either way. The stores
 * are read once, at start-up (sslQuorumReloadCertFiles is not supported).
 *
 * <p>Stateless and thread-safe.
 */
public final class QuorumTls {
    private QuorumTls() {
    }

    /**
     * The transport's TLS, or null when sslQuorum is off.
     *
     * @throws ConfigException naming the ssl.quorum.* key at fault, if a store cannot be used
     */
    public static PeerTls from(SecurityConfig security) {
        QuorumTlsConfig tls = security.quorumTls();
        if (tls == null) {
            return null;
        }
        KeyManagerFactory keys = ServerSslContexts.keyManagers(tls.keyStore(),
                StoreLoader.read(tls.keyStore()));
        TrustManagerFactory trust = tls.trustStore() == null ? null
                : ServerSslContexts.trustManagers(tls.trustStore(), StoreLoader.read(tls.trustStore()));
        SslContext server = build(tls, SslContextBuilder.forServer(keys)
                .clientAuth(ClientAuth.REQUIRE), trust);
        SslContext client = build(tls, SslContextBuilder.forClient().keyManager(keys), trust);
        return PeerTls.of(server, client, tls.hostnameVerification());
    }

    private static SslContext build(QuorumTlsConfig tls, SslContextBuilder b,
            TrustManagerFactory trust) {
        b.sslProvider(SslProvider.JDK).protocols(tls.protocols());
        if (trust != null) {
            b.trustManager(trust);
        }
        if (!tls.cipherSuites().isEmpty()) {
            b.ciphers(tls.cipherSuites());
        }
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException("the quorum TLS settings (ssl.quorum.protocol,"
                    + " ssl.quorum.enabledProtocols, ssl.quorum.ciphersuites) are not usable: "
                    + e.getMessage());
        }
    }
}
