package io.paddock.server.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may connect and how they prove who they are: TLS on the secure client port, the extra
 * ACL schemes that authProvider.N lines switch on, SASL, and enforced authentication.
 *
 * @param clientTls the secure client port, or null when there is none
 * @param authProviderSchemes schemes beyond world, ip and digest: x509, sasl
 * @param x509SuperUser X509AuthenticationProvider.superUser: the certificate subject that is super
 * @param sasl the SASL server, or null when no JAAS configuration is given
 * @param enforceAuth enforce.auth.enabled: refuse requests of sessions not authenticated
 * @param enforceAuthSchemes enforce.auth.schemes: which schemes count
 * @param quorumTls TLS between the servers of an ensemble (sslQuorum), or null when off
 * @param quorumSasl SASL between the servers of an ensemble (quorum.auth.*), or null when off
 */
public record SecurityConfig(
        TlsConfig clientTls,
        Set<String> authProviderSchemes,
        String x509SuperUser,
        SaslConfig sasl,
        boolean enforceAuth,
        Set<String> enforceAuthSchemes,
        QuorumTlsConfig quorumTls,
        QuorumSaslConfig quorumSasl) {

    public static final SecurityConfig NONE = builder().build();

    public SecurityConfig {
        authProviderSchemes = Set.copyOf(authProviderSchemes);
        enforceAuthSchemes = Set.copyOf(enforceAuthSchemes);
        if (enforceAuth && enforceAuthSchemes.isEmpty()) {
            throw new ConfigException("enforce.auth.enabled is true but enforce.auth.schemes names no scheme");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the keys one by one, in any order, as zoo.cfg lists them; {@link #build}
     * checks that they fit together.
     */
    public static final class Builder {
        private Integer securePort;
        private String secureAddress;
        private Path keyStore;
        private Secret keyStorePassword = Secret.EMPTY;
        private String keyStoreType;
        private Path trustStore;
        private Secret trustStorePassword = Secret.EMPTY;
        private String trustStoreType;
        private ClientAuthMode clientAuth = ClientAuthMode.NEED;
        private String protocol = TlsConfig.DEFAULT_PROTOCOL;
        private List<String> enabledProtocols = List.of();
        private List<String> cipherSuites = List.of();
        private String provider = "JDK";
        private long reloadIntervalMs = 5000;
        private String authProviderScheme = "x509";
        private final Set<String> schemes = new LinkedHashSet<>();
        private String x509SuperUser;
        private Path jaasConfig;
        private String saslLoginContext = "Server";
        private String saslSuperUser;
        private boolean enforceAuth;
        private final Set<String> enforceSchemes = new LinkedHashSet<>();
        private boolean requireSasl;
        private final QuorumTlsConfig.Builder quorum = QuorumTlsConfig.builder();
        private final QuorumSaslConfig.Builder quorumSasl = QuorumSaslConfig.builder();

        public Builder securePort(int v) {
            securePort = v;
            return this;
        }

        public Builder secureAddress(String host) {
            secureAddress = host;
            return this;
        }

        public Builder keyStore(Path location, Secret password, String type) {
            keyStore = location;
            keyStorePassword = password == null ? Secret.EMPTY : password;
            keyStoreType = type;
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

        public Builder trustStore(Path location, Secret password, String type) {
            trustStore = location;
            trustStorePassword = password == null ? Secret.EMPTY : password;
            trustStoreType = type;
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

        public Builder clientAuth(ClientAuthMode v) {
            clientAuth = v;
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

        public Builder provider(String v) {
            provider = v;
            return this;
        }

        /** How often the store files are compared with what was loaded; 0 turns reloading off. */
        public Builder reloadIntervalMs(long v) {
            reloadIntervalMs = v;
            return this;
        }

        public Builder authProviderScheme(String v) {
            authProviderScheme = v;
            return this;
        }

        /** Switches on an ACL scheme an authProvider.N line names. */
        public Builder addAuthProviderScheme(String scheme) {
            schemes.add(scheme);
            return this;
        }

        public Builder x509SuperUser(String v) {
            x509SuperUser = v;
            return this;
        }

        public Builder jaasConfig(Path v) {
            jaasConfig = v;
            return this;
        }

        public Builder saslLoginContext(String v) {
            saslLoginContext = v;
            return this;
        }

        public Builder saslSuperUser(String v) {
            saslSuperUser = v;
            return this;
        }

        public Builder enforceAuth(boolean v) {
            enforceAuth = v;
            return this;
        }

        public Builder enforceAuthSchemes(List<String> v) {
            enforceSchemes.clear();
            enforceSchemes.addAll(v);
            return this;
        }

        /** sessionRequireClientSASLAuth: the same as enforcing the sasl scheme. */
        public Builder requireClientSaslAuth(boolean v) {
            requireSasl = v;
            return this;
        }

        /** Where sslQuorum and the ssl.quorum.* keys go. */
        public QuorumTlsConfig.Builder quorum() {
            return quorum;
        }

        /** Where the quorum.auth.* keys go. */
        public QuorumSaslConfig.Builder quorumSasl() {
            return quorumSasl;
        }

        public boolean hasSecurePort() {
            return securePort != null;
        }

        public SecurityConfig build() {
            TlsConfig tls = buildTls();
            Set<String> all = new LinkedHashSet<>(schemes);
            if (tls != null) {
                // As ZooKeeper's configureSSLAuth: a secure port brings the x509 scheme with it.
                all.add(tls.authProviderScheme());
            }
            Set<String> enforced = new LinkedHashSet<>(enforceSchemes);
            if (requireSasl) {
                enforced.add("sasl");
                all.add("sasl");
            }
            if (jaasConfig != null) {
                quorumSasl.fallbackJaasConfig(jaasConfig);
            }
            SaslConfig sasl = jaasConfig == null ? null
                    : new SaslConfig(jaasConfig, saslLoginContext, saslSuperUser);
            return new SecurityConfig(tls, all, x509SuperUser, sasl, enforceAuth || requireSasl,
                    enforced, quorum.reloadIntervalMs(reloadIntervalMs).build(), quorumSasl.build());
        }

        private TlsConfig buildTls() {
            if (securePort == null) {
                if (secureAddress != null) {
                    throw new ConfigException("secureClientPortAddress is set but secureClientPort is not");
                }
                return null;
            }
            InetSocketAddress address = secureAddress == null ? new InetSocketAddress(securePort)
                    : new InetSocketAddress(secureAddress, securePort);
            StoreConfig key = keyStore == null ? null
                    : new StoreConfig(keyStore, keyStorePassword, keyStoreType, "ssl.keyStore");
            StoreConfig trust = trustStore == null ? null
                    : new StoreConfig(trustStore, trustStorePassword, trustStoreType, "ssl.trustStore");
            return new TlsConfig(address, key, trust, clientAuth, protocol,
                    new ArrayList<>(enabledProtocols), new ArrayList<>(cipherSuites), provider,
                    reloadIntervalMs, authProviderScheme);
        }
    }
}
