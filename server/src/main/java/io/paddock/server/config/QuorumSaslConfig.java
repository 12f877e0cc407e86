package io.paddock.server.config;

import java.nio.file.Path;

/**
 * SASL between the servers of an ensemble, from ZooKeeper's quorum.auth.* keys. The server that
 * dials a connection is the learner, the one that accepts it the server: the learner logs in
 * with the {@code username} and {@code password} of its JAAS section, the server checks them
 * against the {@code user_<name>} options of its own, as ZooKeeper's DigestLoginModule sections
 * do. The JAAS file is the JVM's ({@code -Djava.security.auth.login.config}), as in ZooKeeper,
 * else the one Paddock's {@code sasl.jaasConfig} names.
 *
 * @param learnerRequireSasl quorum.auth.learnerRequireSasl: dialled connections authenticate
 *     and a peer that does not complete the exchange is refused
 * @param serverRequireSasl quorum.auth.serverRequireSasl: an accepted connection that does not
 *     authenticate is refused (false lets it in: ZooKeeper's rolling upgrade)
 * @param learnerLoginContext quorum.auth.learner.saslLoginContext, the learner's JAAS section
 * @param serverLoginContext quorum.auth.server.saslLoginContext, the server's JAAS section
 * @param servicePrincipal quorum.auth.kerberos.servicePrincipal; carried for Kerberos, unused by
 *     DIGEST-MD5
 * @param jaasConfig the JAAS file
 */
public record QuorumSaslConfig(
        boolean learnerRequireSasl,
        boolean serverRequireSasl,
        String learnerLoginContext,
        String serverLoginContext,
        String servicePrincipal,
        Path jaasConfig) {

    public static final String ENABLE = "quorum.auth.enableSasl";
    public static final String LEARNER_REQUIRE = "quorum.auth.learnerRequireSasl";
    public static final String SERVER_REQUIRE = "quorum.auth.serverRequireSasl";
    public static final String LEARNER_CONTEXT = "quorum.auth.learner.saslLoginContext";
    public static final String SERVER_CONTEXT = "quorum.auth.server.saslLoginContext";
    public static final String SERVICE_PRINCIPAL = "quorum.auth.kerberos.servicePrincipal";
    /** The system property ZooKeeper (and the JDK) read the JAAS file from. */
    public static final String JAAS_PROPERTY = "java.security.auth.login.config";

    public QuorumSaslConfig {
        if (jaasConfig == null) {
            throw new ConfigException(ENABLE + "=true but no JAAS file is given: start the server"
                    + " with -D" + JAAS_PROPERTY + "=<file> holding the " + learnerLoginContext
                    + " and " + serverLoginContext + " sections");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the quorum.auth.* keys in any order; {@link #build} checks them as ZooKeeper does. */
    public static final class Builder {
        private boolean enabled;
        private boolean learnerRequire;
        private boolean serverRequire;
        private String learnerContext = "QuorumLearner";
        private String serverContext = "QuorumServer";
        private String servicePrincipal = "zkquorum/localhost";
        private Path jaasConfig;

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder learnerRequireSasl(boolean v) {
            learnerRequire = v;
            return this;
        }

        public Builder serverRequireSasl(boolean v) {
            serverRequire = v;
            return this;
        }

        public Builder learnerLoginContext(String v) {
            learnerContext = v;
            return this;
        }

        public Builder serverLoginContext(String v) {
            serverContext = v;
            return this;
        }

        public Builder servicePrincipal(String v) {
            servicePrincipal = v;
            return this;
        }

        /** The JAAS file; the JVM's java.security.auth.login.config when read from zoo.cfg. */
        public Builder jaasConfig(Path v) {
            jaasConfig = v;
            return this;
        }

        /** The JAAS file to use when none is given otherwise: Paddock's sasl.jaasConfig. */
        Builder fallbackJaasConfig(Path v) {
            if (jaasConfig == null) {
                jaasConfig = v;
            }
            return this;
        }

        /** The settings, or null when quorum.auth.enableSasl is not true. */
        public QuorumSaslConfig build() {
            if (!enabled && serverRequire) {
                throw new ConfigException(SERVER_REQUIRE + "=true needs " + ENABLE + "=true");
            }
            if (!enabled && learnerRequire) {
                throw new ConfigException(LEARNER_REQUIRE + "=true needs " + ENABLE + "=true");
            }
            if (serverRequire && !learnerRequire) {
                // ZooKeeper's rule: servers that require SASL of learners that do not send it
                // would refuse each other.
                throw new ConfigException(SERVER_REQUIRE + "=true needs " + LEARNER_REQUIRE
                        + "=true");
            }
            if (!enabled) {
                return null;
            }
            return new QuorumSaslConfig(learnerRequire, serverRequire, learnerContext,
                    serverContext, servicePrincipal, jaasConfig);
        }
    }
}
