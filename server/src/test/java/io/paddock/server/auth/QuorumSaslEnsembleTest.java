package io.paddock.server.auth;

import static io.paddock.server.ensemble.process.ZkClients.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paddock.server.config.Secret;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.net.tls.TestPki;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Quorum SASL (quorum.auth.*) in 3-server ensembles in one JVM, written to with the official
 * client: servers that require DIGEST-MD5 of each other form a quorum and replicate; a server
 * whose learner password is wrong is refused by the other two (which go on serving); with
 * enableSasl and nothing required, a server without SASL joins (ZooKeeper's rolling upgrade);
 * and SASL runs inside quorum TLS.
 */
class QuorumSaslEnsembleTest {
    private static final String PASSWORD = "quorum-secret";

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> transportLog = new ListAppender<>();
    private final Logger authLogger =
            (Logger) LoggerFactory.getLogger("io.paddock.zab.transport.PeerAuthHandler");

    /** Everything Paddock logs, to look for passwords. */
    private final ListAppender<ILoggingEvent> paddockLog = new ListAppender<>();
    private final Logger paddockLogger = (Logger) LoggerFactory.getLogger("io.paddock");

    @BeforeEach
    void captureTransportLog() {
        transportLog.start();
        authLogger.addAppender(transportLog);
        paddockLog.start();
        paddockLogger.addAppender(paddockLog);
    }

    @AfterEach
    void releaseLog() {
        authLogger.detachAppender(transportLog);
        paddockLogger.detachAppender(paddockLog);
    }

    @Test
    void serversThatRequireSaslFormAQuorumAndReplicate() throws Exception {
        Path jaas = jaas("jaas.conf", PASSWORD);
        try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3,
                id -> sasl(SecurityConfig.builder(), jaas, true).build())) {
            ensemble.awaitServing(ensemble.ids());
            replicates(ensemble, "/sasl");
            assertTrue(logged("authenticated server"), "the exchanges ran: " + lines());
        }
    }

    @Test
    void aServerWithTheWrongPasswordIsRefusedAndNeverJoins() throws Exception {
        Path good = jaas("jaas.conf", PASSWORD);
        Path wrong = jaas("wrong.conf", "not-" + PASSWORD);
        Map<Long, SecurityConfig> security = new HashMap<>();
        security.put(1L, sasl(SecurityConfig.builder(), good, true).build());
        security.put(2L, sasl(SecurityConfig.builder(), good, true).build());
        security.put(3L, sasl(SecurityConfig.builder(), wrong, true).build());
        try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3, security::get)) {
            ensemble.awaitServing(Set.of(1L, 2L));
            try (ZooKeeper zk = connect(ensemble.connectString(1))) {
                zk.create("/two", bytes("of three"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            try (ZooKeeper zk = connect(ensemble.connectString(2))) {
                zk.sync("/two");
                assertArrayEquals(bytes("of three"), zk.getData("/two", false, null));
            }
            Timing.await(Duration.ofSeconds(10)).until(() ->
                    logged("refuses the election connection from server 3"));
            Timing.await(Duration.ofSeconds(10)).during(Duration.ofSeconds(2))
                    .until(() -> ensemble.mode(3) == null);
            assertNull(ensemble.mode(3), "the server with the wrong password never serves");
            assertTrue(paddockLog.list.stream().noneMatch(e ->
                    e.getFormattedMessage().contains(PASSWORD)), "no password in the log");
        }
    }

    @Test
    void withSaslEnabledButNotRequiredAServerWithoutSaslJoins() throws Exception {
        Path jaas = jaas("jaas.conf", PASSWORD);
        Map<Long, SecurityConfig> security = new HashMap<>();
        for (long id : new long[] {1, 2}) {
            SecurityConfig.Builder b = SecurityConfig.builder();
            b.quorumSasl().enabled(true).jaasConfig(jaas);
            security.put(id, b.build());
        }
        security.put(3L, SecurityConfig.NONE);
        try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3, security::get)) {
            ensemble.awaitServing(ensemble.ids());
            replicates(ensemble, "/upgrade");
        }
    }

    @Test
    void saslRunsInsideQuorumTls() throws Exception {
        Path jaas = jaas("jaas.conf", PASSWORD);
        TestPki ca = TestPki.create(dir, "Quorum CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        Map<Long, SecurityConfig> security = new HashMap<>();
        for (long id = 1; id <= 3; id++) {
            SecurityConfig.Builder b = sasl(SecurityConfig.builder(), jaas, true);
            b.quorum().enabled(true)
                    .keyStoreLocation(ca.pkcs12(ca.server("server" + id), "s" + id + ".p12", PASSWORD))
                    .keyStorePassword(Secret.of(PASSWORD))
                    .trustStoreLocation(trust).trustStorePassword(Secret.of(PASSWORD));
            security.put(id, b.build());
        }
        try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3, security::get)) {
            ensemble.awaitServing(ensemble.ids());
            replicates(ensemble, "/both");
            assertTrue(logged("authenticated server"), "the exchanges ran: " + lines());
        }
    }

    private static SecurityConfig.Builder sasl(SecurityConfig.Builder b, Path jaas, boolean require) {
        b.quorumSasl().enabled(true).learnerRequireSasl(require).serverRequireSasl(require)
                .jaasConfig(jaas);
        return b;
    }

    /** ZooKeeper's DigestLoginModule layout: the server section lists users, the learner logs in. */
    private Path jaas(String file, String learnerPassword) throws Exception {
        return Files.writeString(dir.resolve(file), String.join("\n",
                "QuorumServer {",
                "  org.apache.zookeeper.server.auth.DigestLoginModule required",
                "  user_paddock=\"" + PASSWORD + "\";",
                "};",
                "QuorumLearner {",
                "  org.apache.zookeeper.server.auth.DigestLoginModule required",
                "  username=\"paddock\"",
                "  password=\"" + learnerPassword + "\";",
                "};", ""));
    }

    private static void replicates(PaddockEnsemble ensemble, String path) throws Exception {
        long leader = ensemble.awaitLeader();
        long follower = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
        try (ZooKeeper zk = connect(ensemble.connectString(follower))) {
            zk.create(path, bytes("sealed"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        for (long id : ensemble.ids()) {
            try (ZooKeeper zk = connect(ensemble.connectString(id))) {
                zk.sync(path);
                assertArrayEquals(bytes("sealed"), zk.getData(path, false, null), "server " + id);
            }
        }
    }

    private boolean logged(String fragment) {
        return lines().stream().anyMatch(l -> l.contains(fragment));
    }

    private java.util.List<String> lines() {
        synchronized (transportLog) {
            return transportLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
