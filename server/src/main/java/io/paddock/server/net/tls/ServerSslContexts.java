package io.paddock.server.net.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.paddock.server.config.ConfigException;
import io.paddock.server.config.StoreConfig;
import io.paddock.server.config.TlsConfig;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns a {@link TlsConfig} and the current bytes of its store files into a Netty server
 * {@link SslContext}: the key store's key and chain, the trust store (or the JDK's CAs), the
 * client-auth mode, protocols, cipher suites and provider (the JDK's, or BoringSSL through
 * netty-tcnative when ssl.sslProvider=OPENSSL and it is on the class path).
 *
 * <p>Stateless and thread-safe.
 */
final class ServerSslContexts {
    private ServerSslContexts() {
    }

    /** The files as read at one moment: what a context is built from, and compared to reload. */
    record StoreBytes(byte[] keyStore, byte[] trustStore) {
        static StoreBytes read(StoreConfig keyStore, StoreConfig trustStore) {
            return new StoreBytes(StoreLoader.read(keyStore),
                    trustStore == null ? null : StoreLoader.read(trustStore));
        }

        boolean sameAs(StoreBytes other) {
            return java.util.Arrays.equals(keyStore, other.keyStore)
                    && java.util.Arrays.equals(trustStore, other.trustStore);
        }
    }

    static SslContext build(TlsConfig tls, StoreBytes bytes) {
        KeyManagerFactory keys = keyManagers(tls.keyStore(), bytes.keyStore());
        SslContextBuilder b = SslContextBuilder.forServer(keys)
                .sslProvider(provider(tls))
                .clientAuth(switch (tls.clientAuth()) {
                    case NONE -> ClientAuth.NONE;
                    case WANT -> ClientAuth.OPTIONAL;
                    case NEED -> ClientAuth.REQUIRE;
                })
                .protocols(tls.protocols());
        if (tls.trustStore() != null) {
            b.trustManager(trustManagers(tls.trustStore(), bytes.trustStore()));
        }
        if (!tls.cipherSuites().isEmpty()) {
            b.ciphers(tls.cipherSuites());
        }
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException("the secure client port's TLS settings (ssl.protocol,"
                    + " ssl.enabledProtocols, ssl.ciphersuites) are not usable: " + e.getMessage());
        }
    }

    private static SslProvider provider(TlsConfig tls) {
        if ("OPENSSL".equals(tls.provider())) {
            if (!OpenSsl.isAvailable()) {
                throw new ConfigException("ssl.sslProvider=OPENSSL but netty-tcnative (BoringSSL)"
                        + " is not usable: " + OpenSsl.unavailabilityCause());
            }
            return SslProvider.OPENSSL;
        }
        return SslProvider.JDK;
    }

    /** The key managers of a key store; a wrong password or unusable file names its keys. */
    static KeyManagerFactory keyManagers(StoreConfig store, byte[] bytes) {
        KeyStore ks = StoreLoader.keyStore(store, bytes);
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, store.password().toCharArray());
            return kmf;
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException(store.keyPrefix() + ".password does not open the private key in "
                    + store.keyPrefix() + ".location=" + store.location());
        } catch (GeneralSecurityException e) {
            throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                    + " cannot be used: " + e.getMessage());
        }
    }

    /** The trust managers of a trust store. */
    static TrustManagerFactory trustManagers(StoreConfig store, byte[] bytes) {
        KeyStore ks = StoreLoader.trustStore(store, bytes);
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                    + " cannot be used: " + e.getMessage());
        }
    }
}
