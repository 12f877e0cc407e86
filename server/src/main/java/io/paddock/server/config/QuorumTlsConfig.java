package io.paddock.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS between the servers of an ensemble, from ZooKeeper's keys: {@code sslQuorum=true} and the
 * ssl.quorum.* family. Mutual unless ssl.quorum.clientAuth says otherwise: every server presents
 * its certificate, and an accepting server requires the dialler's.
 *
 * @param sslQuorum sslQuorum: dialled connections use TLS; false when only portUnification is on
 *     (a server that accepts TLS but still dials plaintext, the first step of a rolling switch)
 * @param keyStore this server's key and certificate chain (required)
 * @param trustStore the CAs whose servers may join; null means the JDK's
 * @param protocol ssl.quorum.protocol, the SSLContext protocol
 * @param enabledProtocols ssl.quorum.enabledProtocols; empty means just {@code protocol}
 * @param cipherSuites ssl.quorum.ciphersuites; empty means the provider's defaults
 * @param hostnameVerification ssl.quorum.hostnameVerification: a dialling server checks that the
 *     peer's certificate names the host its server.N line gives, an accepting server that it
 *     names the address the connection comes from (ZooKeeper's default: true)
 * @param clientHostnameVerification ssl.quorum.clientHostnameVerification: the accepting side's
 *     check, which counts only with hostnameVerification (ZooKeeper 3.9.4+, default true)
 * @param clientAuth ssl.quorum.clientAuth: whether an accepting server asks for the dialler's
 *     certificate (need, ZooKeeper's default; want; none)
 * @param reloadCertFiles sslQuorumReloadCertFiles: re-read the stores when their files change
 * @param reloadIntervalMs how often the files are compared (ssl.reloadIntervalMs, shared with the
 *     client port)
 * @param crl ssl.quorum.crl: check certificate revocation lists (the JDK's PKIX revocation
 *     checking, with the CRL distribution points of the certificates)
 * @param ocsp ssl.quorum.ocsp: check revocation by OCSP, with CRLs as fallback (in ZooKeeper
 *     before 3.10 ocsp implies crl)
 * @param portUnification portUnification: the quorum ports also accept plaintext peers (a rolling
 *     switch to TLS)
 */
public record QuorumTlsConfig(
        boolean sslQuorum,
        StoreConfig keyStore,
        StoreConfig trustStore,
        String protocol,
        List<String> enabledProtocols,
        List<String> cipherSuites,
        boolean hostnameVerification,
        boolean clientHostnameVerification,
        ClientAuthMode clientAuth,
        boolean reloadCertFiles,
        long reloadIntervalMs,
        boolean crl,
        boolean ocsp,
        boolean portUnification) {

    public QuorumTlsConfig {
        if (keyStore == null) {
            throw new ConfigException((sslQuorum ? "sslQuorum=true" : "portUnification=true")
                    + " but ssl.quorum.keyStore.location is not set:"
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
        private boolean clientHostnameVerification = true;
        private ClientAuthMode clientAuth = ClientAuthMode.NEED;
        private boolean reloadCertFiles;
        private long reloadIntervalMs = 5000;
        private boolean crl;
        private boolean ocsp;
        private boolean portUnification;

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

        public Builder clientHostnameVerification(boolean v) {
            clientHostnameVerification = v;
            return this;
        }

        public Builder clientAuth(ClientAuthMode v) {
            clientAuth = v;
            return this;
        }

        public Builder reloadCertFiles(boolean v) {
            reloadCertFiles = v;
            return this;
        }

        public Builder reloadIntervalMs(long v) {
            reloadIntervalMs = v;
            return this;
        }

        public Builder crl(boolean v) {
            crl = v;
            return this;
        }

        public Builder ocsp(boolean v) {
            ocsp = v;
            return this;
        }

        public Builder portUnification(boolean v) {
            portUnification = v;
            return this;
        }

        /**
         * The settings, or null when neither sslQuorum nor portUnification is true (the
         * ssl.quorum.* keys then do nothing).
         */
        public QuorumTlsConfig build() {
            if (!enabled && !portUnification) {
                return null;
            }
            StoreConfig key = keyStore == null ? null : new StoreConfig(keyStore, keyStorePassword,
                    keyStoreType, "ssl.quorum.keyStore");
            StoreConfig trust = trustStore == null ? null : new StoreConfig(trustStore,
                    trustStorePassword, trustStoreType, "ssl.quorum.trustStore");
            return new QuorumTlsConfig(enabled, key, trust, protocol, new ArrayList<>(enabledProtocols),
                    new ArrayList<>(cipherSuites), hostnameVerification, clientHostnameVerification, clientAuth, reloadCertFiles,
                    reloadIntervalMs, crl, ocsp, portUnification);
        }
    }
}
