package io.paddock.server.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.zab.transport.PeerAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quorum SASL authenticator: DIGEST-MD5 between a learner and a server section, a wrong
 * password failing, and the JAAS mistakes that stop start-up naming the key.
 */
class QuorumSaslAuthenticatorTest {
    @TempDir
    Path dir;

    @Test
    void aLearnerWithTheRightPasswordCompletesTheExchange() throws Exception {
        QuorumSaslAuthenticator auth = QuorumSaslAuthenticator.from(config(jaas("pw", "pw")));
        assertTrue(exchange(auth, auth), "the exchange completes");
    }

    @Test
    void aWrongPasswordFails() throws Exception {
        QuorumSaslAuthenticator server = QuorumSaslAuthenticator.from(config(jaas("pw", "pw")));
        QuorumSaslAuthenticator learner = QuorumSaslAuthenticator.from(config(jaas("pw", "guess")));
        assertThrows(Exception.class, () -> exchange(learner, server));
    }

    @Test
    void offWithoutEnableSasl() {
        assertNull(QuorumSaslAuthenticator.from(SecurityConfig.NONE));
    }

    @Test
    void aMissingSectionStopsStartUpNamingTheKey() throws Exception {
        Path onlyServer = Files.writeString(dir.resolve("server-only.conf"), String.join("\n",
                "QuorumServer {",
                "  org.apache.zookeeper.server.auth.DigestLoginModule required",
                "  user_paddock=\"pw\";",
                "};", ""));
        ConfigException e = assertThrows(ConfigException.class,
                () -> QuorumSaslAuthenticator.from(config(onlyServer)));
        assertTrue(e.getMessage().contains("quorum.auth.learner.saslLoginContext"), e.getMessage());
        assertTrue(e.getMessage().contains("QuorumLearner"), e.getMessage());

        SecurityConfig.Builder b = SecurityConfig.builder();
        b.quorumSasl().enabled(true).jaasConfig(jaas("pw", "pw")).serverLoginContext("Nope");
        ConfigException server = assertThrows(ConfigException.class,
                () -> QuorumSaslAuthenticator.from(b.build()));
        assertTrue(server.getMessage().contains("quorum.auth.server.saslLoginContext"),
                server.getMessage());
        assertFalse(server.getMessage().contains("pw\""), server.getMessage());
    }

    @Test
    void aMissingJaasFileStopsTheServerNamingTheProperty() throws Exception {
        SecurityConfig missing = config(dir.resolve("nope.conf"));
        try (PaddockEnsemble ensemble = PaddockEnsemble.unstarted(3, id -> missing)) {
            Exception e = assertThrows(Exception.class, () -> ensemble.startServer(1));
            Throwable cause = e;
            while (!(cause instanceof ConfigException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause instanceof ConfigException, e.toString());
            assertTrue(cause.getMessage().contains("java.security.auth.login.config"),
                    cause.getMessage());
        }
    }

    /** Runs learner against server to the end as the transport does; true when both completed. */
    private static boolean exchange(PeerAuthenticator learnerSide, PeerAuthenticator serverSide)
            throws Exception {
        PeerAuthenticator.Exchange learner = learnerSide.dialler(2, "127.0.0.1");
        PeerAuthenticator.Exchange server = serverSide.acceptor();
        byte[] token = learner.evaluate(new byte[0]);
        for (int round = 0; round < 5 && !server.isComplete(); round++) {
            byte[] challenge = server.evaluate(token);
            if (server.isComplete()) {
                if (!learner.isComplete()) {
                    learner.evaluate(challenge);
                }
                break;
            }
            token = learner.evaluate(challenge);
        }
        assertNotNull(server.peerName());
        return server.isComplete() && learner.isComplete();
    }

    private static SecurityConfig config(Path jaas) {
        SecurityConfig.Builder b = SecurityConfig.builder();
        b.quorumSasl().enabled(true).learnerRequireSasl(true).serverRequireSasl(true).jaasConfig(jaas);
        return b.build();
    }

    private Path jaas(String serverPassword, String learnerPassword) throws Exception {
        return Files.writeString(dir.resolve("jaas-" + learnerPassword + ".conf"), String.join("\n",
                "QuorumServer {",
                "  org.apache.zookeeper.server.auth.DigestLoginModule required",
                "  user_paddock=\"" + serverPassword + "\";",
                "};",
                "QuorumLearner {",
                "  org.apache.zookeeper.server.auth.DigestLoginModule required",
                "  username=\"paddock\"",
                "  password=\"" + learnerPassword + "\";",
                "};", ""));
    }
}
