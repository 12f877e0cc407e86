package io.paddock.server.net.tls;

import static io.paddock.server.ensemble.process.ZkClients.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.paddock.server.config.ClientAuthMode;
import io.paddock.server.config.Secret;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import io.paddock.zab.transport.Hello;
import io.paddock.zab.transport.PeerMessageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quorum TLS options beyond plain mutual TLS, in ensembles in one JVM: ssl.quorum.clientAuth
 * on the accepting side, hostname verification of an accepted peer's certificate,
 * sslQuorumReloadCertFiles, and portUnification with a plaintext member.
 */
class QuorumTlsOptionsTest {
    private static final String PASSWORD = "quorum-pass";

    @TempDir
    Path dir;

    @Test
    void clientAuthDecidesWhetherADiallerWithoutACertificateIsAnswered() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        Path key = ca.pkcs12(ca.server("server1"), "s1.p12", PASSWORD);
        for (ClientAuthMode mode : ClientAuthMode.values()) {
            SecurityConfig.Builder b = tls(key, trust);
            b.quorum().clientAuth(mode);
            SecurityConfig security = b.build();
            try (PaddockEnsemble ensemble = PaddockEnsemble.unstarted(3, id -> security)) {
                ensemble.startServer(1);
                InetSocketAddress election = ensemble.server(1).config().ensemble().orElseThrow()
                        .member(1).orElseThrow().electionAddress();
                boolean answered = helloAnswered(ca, election);
                assertTrue(answered == (mode != ClientAuthMode.NEED),
                        "clientAuth=" + mode + ": answered=" + answered);
            }
        }
    }

    @Test
    void anAcceptingServerRefusesAPeerWhoseCertificateDoesNotNameItsAddress() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        // 3 dials 1 and 2 and checks nothing itself; its certificate names no address at all.
        SecurityConfig.Builder three = tls(ca.pkcs12(ca.client("CN=server3"), "s3.p12", PASSWORD), trust);
        three.quorum().hostnameVerification(false);
        for (boolean check : new boolean[] {true, false}) {
            Map<Long, SecurityConfig> security = new HashMap<>();
            for (long id = 1; id <= 2; id++) {
                SecurityConfig.Builder b = tls(ca.pkcs12(ca.server("server" + id), "s" + id + ".p12",
                        PASSWORD), trust);
                b.quorum().clientHostnameVerification(check);
                security.put(id, b.build());
            }
            security.put(3L, three.build());
            try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3, security::get)) {
                if (check) {
                    ensemble.awaitServing(Set.of(1L, 2L));
                    Timing.await(Duration.ofSeconds(10)).during(Duration.ofSeconds(3))
                            .until(() -> ensemble.mode(3) == null);
                    assertNull(ensemble.mode(3), "a certificate for no address never joins");
                } else {
                    // ssl.quorum.clientHostnameVerification=false: only diallers check names.
                    ensemble.awaitServing(ensemble.ids());
                }
            }
        }
    }

    @Test
    void reloadedCertificatesLetAServerJoinWithoutARestart() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        TestPki rogue = TestPki.create(dir, "Rogue CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        Map<Long, SecurityConfig> security = new HashMap<>();
        for (long id = 1; id <= 3; id++) {
            TestPki issuer = id == 3 ? rogue : ca;
            SecurityConfig.Builder b = tls(issuer.pkcs12(issuer.server("server" + id),
                    "s" + id + ".p12", PASSWORD), trust);
            b.reloadIntervalMs(200);
            b.quorum().reloadCertFiles(true);
            security.put(id, b.build());
        }
        try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3, security::get)) {
            ensemble.awaitServing(Set.of(1L, 2L));
            Timing.await(Duration.ofSeconds(10)).during(Duration.ofSeconds(1))
                    .until(() -> ensemble.mode(3) == null);
            ca.pkcs12(ca.server("server3"), "s3.p12", PASSWORD); // replaced in place
            ensemble.awaitServing(Set.of(1L, 2L, 3L));
            replicates(ensemble, "/reloaded");
        }
    }

    @Test
    void withPortUnificationAPlaintextMemberJoinsTwoTlsOnes() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        Map<Long, SecurityConfig> security = new HashMap<>();
        for (long id = 1; id <= 2; id++) {
            SecurityConfig.Builder b = tls(ca.pkcs12(ca.server("server" + id), "s" + id + ".p12",
                    PASSWORD), trust);
            b.quorum().portUnification(true);
            security.put(id, b.build());
        }
        security.put(3L, SecurityConfig.NONE);
        try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3, security::get)) {
            ensemble.awaitServing(ensemble.ids());
            replicates(ensemble, "/unified");
        }
    }

    @Test
    void withCrlCheckingARevokedServerNeverJoins() throws Exception {
        TestPki ca = TestPki.create(dir, "Quorum CA");
        Path trust = ca.trustStore("PKCS12", "trust.p12", PASSWORD);
        Path crl = dir.resolve("quorum.crl");
        Map<Long, SecurityConfig> security = new HashMap<>();
        TestPki.Issued revoked = null;
        for (long id = 1; id <= 3; id++) {
            TestPki.Issued issued = ca.server("server" + id, crl);
            if (id == 3) {
                revoked = issued;
            }
            SecurityConfig.Builder b = tls(ca.pkcs12(issued, "s" + id + ".p12", PASSWORD), trust);
            b.quorum().crl(true);
            security.put(id, b.build());
        }
        ca.writeCrl(crl, revoked.cert());
        try (PaddockEnsemble ensemble = PaddockEnsemble.startedWith(3, security::get)) {
            ensemble.awaitServing(Set.of(1L, 2L));
            replicatesAmong(ensemble, Set.of(1L, 2L), "/revocation");
            Timing.await(Duration.ofSeconds(10)).during(Duration.ofSeconds(2))
                    .until(() -> ensemble.mode(3) == null);
            assertNull(ensemble.mode(3), "the revoked server never joins");
        }
    }

    private static void replicatesAmong(PaddockEnsemble ensemble, Set<Long> ids, String path)
            throws Exception {
        try (ZooKeeper zk = connect(ensemble.connectString(ids.iterator().next()))) {
            zk.create(path, bytes("sealed"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        for (long id : ids) {
            try (ZooKeeper zk = connect(ensemble.connectString(id))) {
                zk.sync(path);
                assertArrayEquals(bytes("sealed"), zk.getData(path, false, null), "server " + id);
            }
        }
    }

    /** An anonymous TLS client says Hello as server 3 and waits for the server's Hello. */
    private static boolean helloAnswered(TestPki ca, InetSocketAddress to) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.caCert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext anonymous = SSLContext.getInstance("TLS");
        anonymous.init(null, tmf.getTrustManagers(), null);
        try (Socket s = anonymous.getSocketFactory().createSocket(to.getAddress(), to.getPort())) {
            s.setSoTimeout((int) Timing.scaled(Duration.ofSeconds(10)).toMillis());
            ByteBuf hello = Unpooled.buffer();
            PeerMessageCodec.encode(new Hello(PeerMessageCodec.VERSION, 3), hello);
            byte[] bytes = new byte[hello.readableBytes()];
            hello.readBytes(bytes);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return in.read() >= 0;
        } catch (IOException refused) {
            return false;
        }
    }

    private static SecurityConfig.Builder tls(Path keyStore, Path trustStore) {
        SecurityConfig.Builder b = SecurityConfig.builder();
        b.quorum().enabled(true)
                .keyStoreLocation(keyStore).keyStorePassword(Secret.of(PASSWORD))
                .trustStoreLocation(trustStore).trustStorePassword(Secret.of(PASSWORD));
        return b;
    }

    static void replicates(PaddockEnsemble ensemble, String path) throws Exception {
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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
