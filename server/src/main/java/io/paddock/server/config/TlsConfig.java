package io.paddock.server.config;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * TLS on the secure client port, from ZooKeeper's keys: secureClientPort(Address) and the
 * ssl.* family.
 *
 * @param secureClientAddress where the TLS port listens
 * @param keyStore the server's key and certificate chain (required)
 * @param trustStore the CAs whose client certificates are accepted; null means the JDK's
 * @param clientAuth whether a client certificate is asked for
 * @param protocol ssl.protocol, the SSLContext protocol
 * @param enabledProtocols ssl.enabledProtocols; empty means just {@code protocol}
 * @param cipherSuites ssl.ciphersuites; empty means the provider's defaults
 * @param provider ssl.sslProvider: JDK, or OPENSSL (BoringSSL through netty-tcnative)
 * @param reloadIntervalMs how often the store files are checked for changes; 0 never
 * @param authProviderScheme ssl.authProvider: the scheme a client certificate proves
 */
public record TlsConfig(
        InetSocketAddress secureClientAddress,
        StoreConfig keyStore,
        StoreConfig trustStore,
        ClientAuthMode clientAuth,
        String protocol,
        List<String> enabledProtocols,
        List<String> cipherSuites,
        String provider,
        long reloadIntervalMs,
        String authProviderScheme) {

    public static final String DEFAULT_PROTOCOL = "TLSv1.3";

    public TlsConfig {
        Objects.requireNonNull(secureClientAddress, "secureClientAddress");
        if (keyStore == null) {
            throw new ConfigException("secureClientPort is set but ssl.keyStore.location is not:"
                    + " the secure port needs the server's key and certificate");
        }
        keyStore.resolvedType();
        if (trustStore != null) {
            trustStore.resolvedType();
        }
        enabledProtocols = List.copyOf(enabledProtocols);
        cipherSuites = List.copyOf(cipherSuites);
        if (!"JDK".equals(provider) && !"OPENSSL".equals(provider)) {
            throw new ConfigException("ssl.sslProvider=" + provider + " is invalid: expected JDK or OPENSSL");
        }
        if (reloadIntervalMs < 0) {
            throw new ConfigException("ssl.reloadIntervalMs must not be negative, was " + reloadIntervalMs);
        }
    }

    /** The protocols the engine enables: ssl.enabledProtocols, else ssl.protocol alone. */
    public List<String> protocols() {
        return enabledProtocols.isEmpty() ? List.of(protocol) : enabledProtocols;
    }
}
