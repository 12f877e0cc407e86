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
 * The peer transport's TLS ({@link PeerTls}) from sslQuorum and the ssl.quorum.* keys: one key
 * store serves both as the certificate this server presents when it accepts a peer and when it
 * dials one, and the trust store (with revocation checks when ssl.quorum.crl or ssl.quorum.ocsp
 * ask for them, {@link RevocationTrust}) decides which peers it accepts either way. With
 * sslQuorumReloadCertFiles the stores are re-read when their files change
 * ({@link StoreReloader}), and new connections get the new certificates.
 *
 * <p>Thread-safe: the contexts are swapped whole by the reload thread.
 */
public final class QuorumTls implements PeerTls, AutoCloseable {
    private final QuorumTlsConfig config;
    private final StoreReloader<Contexts> contexts;

    private record Contexts(SslContext server, SslContext client) {
    }

    private QuorumTls(QuorumTlsConfig config) {
        this.config = config;
        this.contexts = new StoreReloader<>("the quorum's",
                () -> ServerSslContexts.StoreBytes.read(config.keyStore(), config.trustStore()),
                bytes -> build(config, bytes), config.reloadCertFiles() ? config.reloadIntervalMs() : 0,
                "paddock-quorum-tls-reload");
    }

    /**
     * The transport's TLS, or null when neither sslQuorum nor portUnification is on.
     *
     * @throws ConfigException naming the ssl.quorum.* key at fault, if a store cannot be used
     */
    public static QuorumTls from(SecurityConfig security) {
        QuorumTlsConfig tls = security.quorumTls();
        return tls == null ? null : new QuorumTls(tls);
    }

    @Override
    public SslContext serverContext() {
        return contexts.current().server();
    }

    @Override
    public SslContext clientContext() {
        return contexts.current().client();
    }

    @Override
    public boolean hostnameVerification() {
        return config.hostnameVerification();
    }

    @Override
    public boolean acceptedHostnameVerification() {
        return config.clientHostnameVerification();
    }

    @Override
    public ClientAuth clientAuth() {
        return switch (config.clientAuth()) {
            case NONE -> ClientAuth.NONE;
            case WANT -> ClientAuth.OPTIONAL;
            case NEED -> ClientAuth.REQUIRE;
        };
    }

    @Override
    public boolean portUnification() {
        return config.portUnification();
    }

    @Override
    public boolean dialsTls() {
        return config.sslQuorum();
    }

    @Override
    public void close() {
        contexts.close();
    }

    private static Contexts build(QuorumTlsConfig tls, ServerSslContexts.StoreBytes bytes) {
        KeyManagerFactory keys = ServerSslContexts.keyManagers(tls.keyStore(), bytes.keyStore());
        TrustManagerFactory trust = RevocationTrust.managers(tls, bytes.trustStore());
        SslContext server = build(tls, SslContextBuilder.forServer(keys)
                .clientAuth(ClientAuth.REQUIRE), trust);
        SslContext client = build(tls, SslContextBuilder.forClient().keyManager(keys), trust);
        return new Contexts(server, client);
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
