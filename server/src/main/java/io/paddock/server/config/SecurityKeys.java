package io.paddock.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zoo.cfg keys of {@link SecurityConfig}, spelt as ZooKeeper spells them (its zoo.cfg keys
 * are its system properties without the "zookeeper." prefix). Values of the password keys are
 * never repeated in an error message.
 *
 * <p>Stateless and thread-safe.
 */
final class SecurityKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityKeys.class);

    /** ZooKeeper's provider classes, and the scheme of Paddock's provider each switches on. */
    private static final Map<String, String> PROVIDER_CLASSES = Map.of(
            "org.apache.zookeeper.server.auth.X509AuthenticationProvider", "x509",
            "org.apache.zookeeper.server.auth.SASLAuthenticationProvider", "sasl",
            "org.apache.zookeeper.server.auth.DigestAuthenticationProvider", "digest",
            "org.apache.zookeeper.server.auth.IPAuthenticationProvider", "ip");

    private static final Set<String> SECRET_KEYS = Set.of(
            "ssl.keyStore.password", "ssl.trustStore.password",
            "ssl.quorum.keyStore.password", "ssl.quorum.trustStore.password");

    /** Keys of TLS features Paddock does not have (yet); accepted and logged. */
    static final Set<String> ACCEPTED_UNUSED = Set.of(
            "ssl.hostnameVerification", "ssl.clientHostnameVerification", "ssl.crl", "ssl.ocsp",
            "ssl.handshakeDetectionTimeoutMillis", "ssl.allowReverseDnsLookup",
            "client.portUnification", "ssl.context.supplier.class", "fips-mode");

    private final Map<String, BiConsumer<SecurityConfig.Builder, String>> keys = Map.ofEntries(
            Map.entry("secureClientPort", (b, v) -> b.securePort(port(v))),
            Map.entry("secureClientPortAddress", (b, v) -> b.secureAddress(v)),
            Map.entry("ssl.keyStore.location", (b, v) -> b.keyStoreLocation(Path.of(v))),
            Map.entry("ssl.keyStore.password", (b, v) -> b.keyStorePassword(Secret.of(v))),
            Map.entry("ssl.keyStore.passwordPath", (b, v) -> b.keyStorePassword(passwordFile(v))),
            Map.entry("ssl.keyStore.type", (b, v) -> b.keyStoreType(v)),
            Map.entry("ssl.trustStore.location", (b, v) -> b.trustStoreLocation(Path.of(v))),
            Map.entry("ssl.trustStore.password", (b, v) -> b.trustStorePassword(Secret.of(v))),
            Map.entry("ssl.trustStore.passwordPath", (b, v) -> b.trustStorePassword(passwordFile(v))),
            Map.entry("ssl.trustStore.type", (b, v) -> b.trustStoreType(v)),
            Map.entry("ssl.clientAuth", (b, v) -> b.clientAuth(ClientAuthMode.parse(v))),
            Map.entry("ssl.protocol", (b, v) -> b.protocol(v)),
            Map.entry("ssl.enabledProtocols", (b, v) -> b.enabledProtocols(list(v))),
            Map.entry("ssl.ciphersuites", (b, v) -> b.cipherSuites(list(v))),
            Map.entry("ssl.sslProvider", (b, v) -> b.provider(v.trim().toUpperCase(java.util.Locale.ROOT))),
            Map.entry("ssl.authProvider", (b, v) -> b.authProviderScheme(v)),
            Map.entry("client.certReload", (b, v) -> b.reloadIntervalMs(bool(v) ? 5000 : 0)),
            Map.entry("ssl.reloadIntervalMs", (b, v) -> b.reloadIntervalMs(nonNegative(v))),
            Map.entry("X509AuthenticationProvider.superUser", (b, v) -> b.x509SuperUser(v)),
            Map.entry("superUser", (b, v) -> b.saslSuperUser(v)),
            Map.entry("sasl.jaasConfig", (b, v) -> b.jaasConfig(Path.of(v))),
            Map.entry("sasl.serverconfig", (b, v) -> b.saslLoginContext(v)),
            Map.entry("enforce.auth.enabled", (b, v) -> b.enforceAuth(bool(v))),
            Map.entry("enforce.auth.schemes", (b, v) -> b.enforceAuthSchemes(list(v))),
            Map.entry("sessionRequireClientSASLAuth", (b, v) -> b.requireClientSaslAuth(bool(v))),
            Map.entry("serverCnxnFactory", (b, v) -> serverCnxnFactory(v)),
            // quorum TLS: as the ssl.* family with the ssl.quorum. prefix (ZooKeeper's QuorumX509Util)
            Map.entry("sslQuorum", (b, v) -> b.quorum().enabled(bool(v))),
            Map.entry("ssl.quorum.keyStore.location", (b, v) -> b.quorum().keyStoreLocation(Path.of(v))),
            Map.entry("ssl.quorum.keyStore.password", (b, v) -> b.quorum().keyStorePassword(Secret.of(v))),
            Map.entry("ssl.quorum.keyStore.passwordPath",
                    (b, v) -> b.quorum().keyStorePassword(passwordFile(v))),
            Map.entry("ssl.quorum.keyStore.type", (b, v) -> b.quorum().keyStoreType(v)),
            Map.entry("ssl.quorum.trustStore.location",
                    (b, v) -> b.quorum().trustStoreLocation(Path.of(v))),
            Map.entry("ssl.quorum.trustStore.password",
                    (b, v) -> b.quorum().trustStorePassword(Secret.of(v))),
            Map.entry("ssl.quorum.trustStore.passwordPath",
                    (b, v) -> b.quorum().trustStorePassword(passwordFile(v))),
            Map.entry("ssl.quorum.trustStore.type", (b, v) -> b.quorum().trustStoreType(v)),
            Map.entry("ssl.quorum.protocol", (b, v) -> b.quorum().protocol(v)),
            Map.entry("ssl.quorum.enabledProtocols", (b, v) -> b.quorum().enabledProtocols(list(v))),
            Map.entry("ssl.quorum.ciphersuites", (b, v) -> b.quorum().cipherSuites(list(v))),
            Map.entry("ssl.quorum.hostnameVerification",
                    (b, v) -> b.quorum().hostnameVerification(bool(v))),
            Map.entry("ssl.quorum.clientHostnameVerification",
                    (b, v) -> b.quorum().clientHostnameVerification(bool(v))),
            Map.entry("ssl.quorum.clientAuth", (b, v) -> b.quorum().clientAuth(ClientAuthMode.parse(v))),
            Map.entry("ssl.quorum.crl", (b, v) -> b.quorum().crl(bool(v))),
            Map.entry("ssl.quorum.ocsp", (b, v) -> b.quorum().ocsp(bool(v))),
            Map.entry("sslQuorumReloadCertFiles", (b, v) -> b.quorum().reloadCertFiles(bool(v))),
            Map.entry("portUnification", (b, v) -> b.quorum().portUnification(bool(v))),
            // quorum SASL, as ZooKeeper's QuorumPeerConfig reads it
            Map.entry(QuorumSaslConfig.ENABLE, (b, v) -> b.quorumSasl().enabled(bool(v))),
            Map.entry(QuorumSaslConfig.LEARNER_REQUIRE,
                    (b, v) -> b.quorumSasl().learnerRequireSasl(bool(v))),
            Map.entry(QuorumSaslConfig.SERVER_REQUIRE,
                    (b, v) -> b.quorumSasl().serverRequireSasl(bool(v))),
            Map.entry(QuorumSaslConfig.LEARNER_CONTEXT,
                    (b, v) -> b.quorumSasl().learnerLoginContext(v)),
            Map.entry(QuorumSaslConfig.SERVER_CONTEXT,
                    (b, v) -> b.quorumSasl().serverLoginContext(v)),
            Map.entry(QuorumSaslConfig.SERVICE_PRINCIPAL,
                    (b, v) -> b.quorumSasl().servicePrincipal(v)));

    /** Whether this class owns the key. */
    boolean handles(String key) {
        return keys.containsKey(key) || key.startsWith("authProvider.");
    }

    static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key);
    }

    /** Applies one key; throws IllegalArgumentException for a malformed value. */
    void apply(SecurityConfig.Builder b, String key, String value) {
        if (key.startsWith("authProvider.")) {
            authProvider(b, key, value);
            return;
        }
        keys.get(key).accept(b, value);
    }

    private static void authProvider(SecurityConfig.Builder b, String key, String className) {
        String scheme = PROVIDER_CLASSES.get(className);
        if (scheme == null) {
            LOG.warn("{}={}: Paddock has no provider matching this class; ignored", key, className);
            return;
        }
        b.addAuthProviderScheme(scheme);
    }

    private static void serverCnxnFactory(String v) {
        // Paddock's client port is always Netty; ZooKeeper's Netty factory needs nothing more.
        if (!v.endsWith("NettyServerCnxnFactory")) {
            LOG.info("serverCnxnFactory={} ignored: Paddock's client port always uses Netty", v);
        }
    }

    private static Secret passwordFile(String v) {
        try {
            String text = Files.readString(Path.of(v), StandardCharsets.UTF_8);
            return Secret.of(text.strip());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file: " + e.getMessage());
        }
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int port(String v) {
        int n = parseInt(v);
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException("not a port number");
        }
        return n;
    }

    private static long nonNegative(String v) {
        int n = parseInt(v);
        if (n < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return n;
    }

    private static int parseInt(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }
}
