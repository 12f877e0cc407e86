package io.paddock.server.net.tls;

import static io.paddock.server.ensemble.process.ZkClients.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.PaddockServer;
import io.paddock.server.config.ConfigException;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.config.Secret;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quorum TLS (sslQuorum, ssl.quorum.*) in a 3-server ensemble in one JVM: with every server's
 * certificate from the trusted CA a leader is elected and writes commit; a server whose
 * certificate another CA signed never joins, while the other two carry on.
 */
class QuorumTlsEnsembleTest {
    private static final String PASSWORD = "quorum-pass";

    @TempDir
    Path dir;

    @Test
    void anEnsembleOverMutualTlsElectsALeaderAndCommitsWrites() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        // One store type per server: each of PKCS12, PEM and JKS is read for quorum TLS.
        Map<Long, SecurityConfig> security = Map.of(
                1L, quorumTls(ca.pkcs12(ca.server("server1"), "s1.p12", PASSWORD), PASSWORD, trust),
                2L, quorumTls(ca.pem(ca.server("server2"), "s2.pem", null), "", trust),
                3L, quorumTls(ca.jks(ca.server("server3"), "s3.jks", PASSWORD), PASSWORD, trust));
        try (PaddockEnsemble ensemble = PaddockEnsemble.unstarted(3, security::get)) {
            ensemble.ids().forEach(ensemble::startServer);
            ensemble.awaitServing(ensemble.ids());
            long leader = ensemble.awaitLeader();
            long follower = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
            try (ZooKeeper zk = connect(ensemble.connectString(follower))) {
                zk.create("/tls", bytes("sealed"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            for (long id : ensemble.ids()) {
                try (ZooKeeper zk = connect(ensemble.connectString(id))) {
                    zk.sync("/tls");
                    assertArrayEquals(bytes("sealed"), zk.getData("/tls", false, null), "server " + id);
                }
            }
        }
    }

    @Test
    void aServerWhoseCertificateAnotherCaSignedNeverJoins() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        TestPki rogue = TestPki.create(dir, "Rogue CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        Map<Long, SecurityConfig> security = new HashMap<>();
        security.put(1L, quorumTls(ca.pkcs12(ca.server("server1"), "s1.p12", PASSWORD), PASSWORD, trust));
        security.put(2L, quorumTls(ca.pkcs12(ca.server("server2"), "s2.p12", PASSWORD), PASSWORD, trust));
        // It trusts the real CA, but nobody trusts its own certificate.
        security.put(3L, quorumTls(rogue.pkcs12(rogue.server("server3"), "s3.p12", PASSWORD),
                PASSWORD, trust));
        try (PaddockEnsemble ensemble = PaddockEnsemble.unstarted(3, security::get)) {
            ensemble.ids().forEach(ensemble::startServer);
            ensemble.awaitServing(Set.of(1L, 2L));
            try (ZooKeeper zk = connect(ensemble.connectString(1))) {
                zk.create("/two", bytes("of three"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            try (ZooKeeper zk = connect(ensemble.connectString(2))) {
                zk.sync("/two");
                assertArrayEquals(bytes("of three"), zk.getData("/two", false, null));
            }
            Timing.await(Duration.ofSeconds(10)).during(Duration.ofSeconds(3))
                    .until(() -> ensemble.mode(3) == null);
            assertNull(ensemble.mode(3), "the stranger never serves");
        }
    }

    @Test
    void aServerWhoseQuorumKeyStoreDoesNotOpenRefusesToStart() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        SecurityConfig wrong = quorumTls(ca.pkcs12(ca.server("server1"), "s1.p12", PASSWORD),
                "not-" + PASSWORD, trust);
        try (PaddockEnsemble ensemble = PaddockEnsemble.unstarted(3, id -> wrong)) {
            Exception e = assertThrows(Exception.class, () -> ensemble.startServer(1));
            Throwable cause = e;
            while (!(cause instanceof ConfigException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause instanceof ConfigException, e.toString());
            assertTrue(cause.getMessage().contains("ssl.quorum.keyStore"), cause.getMessage());
        }
    }

    private static SecurityConfig quorumTls(Path keyStore, String password, Path trustStore) {
        SecurityConfig.Builder b = SecurityConfig.builder();
        b.quorum().enabled(true)
                .keyStoreLocation(keyStore).keyStorePassword(Secret.of(password))
                .trustStoreLocation(trustStore).trustStorePassword(Secret.of(PASSWORD))
                .hostnameVerification(true);
        return b.build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
