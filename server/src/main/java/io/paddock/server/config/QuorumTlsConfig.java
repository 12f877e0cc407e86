package io.paddock.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS between the servers of an ensemble, from ZooKeeper's keys: {@code sslQuorum=true} and the
 * ssl.quorum.* family. Always mutual: every server presents its certificate and requires the
 * other's.
 *
 * @param keyStore this server's key and certificate chain (required)
 * @param trustStore the CAs whose servers may join; null means the JDK's
 * @param protocol ssl.quorum.protocol, the SSLContext protocol
 * @param enabledProtocols ssl.quorum.enabledProtocols; empty means just {@code protocol}
 * @param cipherSuites ssl.quorum.ciphersuites; empty means the provider's defaults
 * @param hostnameVerification ssl.quorum.hostnameVerification: a dialling server checks that the
 *     peer's certificate names the host its server.N line gives (ZooKeeper's default: true)
 */
public record QuorumTlsConfig(
        StoreConfig keyStore,
        StoreConfig trustStore,
        String protocol,
        List<String> enabledProtocols,
        List<String> cipherSuites,
        boolean hostnameVerification) {

    public QuorumTlsConfig {
        if (keyStore == null) {
            throw new ConfigException("sslQuorum=true but ssl.quorum.keyStore.location is not set:"
                    + " every server must present its key and certificate to the others");
        }
        keyStore.resolvedType();
        if (trustStore != null) {
            trustStore.resolvedType();
        }
        enabledProtocols = List.copyOf(enabledProtocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /** The protocols the engine enables: ssl.quorum.enabledProtocols, else ssl.quorum.protocol. */
    public List<String> protocols() {
        return enabledProtocols.isEmpty() ? List.of(protocol) : enabledProtocols;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects sslQuorum and the ssl.quorum.* keys in any order; {@link #build} checks them. */
    public static final class Builder {
        private boolean enabled;
        private Path keyStore;
        private Secret keyStorePassword = Secret.EMPTY;
        private String keyStoreType;
        private Path trustStore;
        private Secret trustStorePassword = Secret.EMPTY;
        private String trustStoreType;
        private String protocol = TlsConfig.DEFAULT_PROTOCOL;
        private List<String> enabledProtocols = List.of();
        private List<String> cipherSuites = List.of();
        private boolean hostnameVerification = true;

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder keyStoreLocation(Path v) {
            keyStore = v;
            return this;
        }

        public Builder keyStorePassword(Secret v) {
            keyStorePassword = v;
            return this;
        }

        public Builder keyStoreType(String v) {
            keyStoreType = v;
            return this;
        }

        public Builder trustStoreLocation(Path v) {
            trustStore = v;
            return this;
        }

        public Builder trustStorePassword(Secret v) {
            trustStorePassword = v;
            return this;
        }

        public Builder trustStoreType(String v) {
            trustStoreType = v;
            return this;
        }

        public Builder protocol(String v) {
            protocol = v;
            return this;
        }

        public Builder enabledProtocols(List<String> v) {
            enabledProtocols = List.copyOf(v);
            return this;
        }

        public Builder cipherSuites(List<String> v) {
            cipherSuites = List.copyOf(v);
            return this;
        }

        public Builder hostnameVerification(boolean v) {
            hostnameVerification = v;
            return this;
        }

        /** The settings, or null when sslQuorum is not true (the ssl.quorum.* keys then do nothing). */
        public QuorumTlsConfig build() {
            if (!enabled) {
                return null;
            }
            StoreConfig key = keyStore == null ? null : new StoreConfig(keyStore, keyStorePassword,
                    keyStoreType, "ssl.quorum.keyStore");
            StoreConfig trust = trustStore == null ? null : new StoreConfig(trustStore,
                    trustStorePassword, trustStoreType, "ssl.quorum.trustStore");
            return new QuorumTlsConfig(key, trust, protocol, new ArrayList<>(enabledProtocols),
                    new ArrayList<>(cipherSuites), hostnameVerification);
        }
    }
}
