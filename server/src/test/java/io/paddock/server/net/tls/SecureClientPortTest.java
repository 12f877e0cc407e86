package io.paddock.server.net.tls;

import static io.paddock.server.net.tls.TlsClients.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paddock.server.config.ClientAuthMode;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.config.Secret;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secure client port with the official ZooKeeper client over TLS: with and without client
 * certificates, the certificate subject as the x509 identity in ACLs, refused certificates,
 * PEM/JKS/PKCS12 stores, protocol and cipher settings, and key stores reloaded when the
 * files change.
 */
class SecureClientPortTest {
    static final String ALICE = "CN=alice,OU=ops,O=Example";
    static final String BOB = "CN=bob,OU=ops,O=Example";

    @TempDir
    Path dir;
    private TestPki pki;
    private Path serverStore;
    private Path trustStore;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    @BeforeEach
    void makeCertificates() throws Exception {
        pki = TestPki.create(dir, "Paddock Test CA");
        serverStore = pki.pkcs12(pki.server("server-1"), "server.p12", "server-pw");
        trustStore = pki.trustStore("PKCS12", "trust.p12", PASSWORD);
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!toClose.isEmpty()) {
            toClose.pop().close();
        }
    }

    private SecurityConfig.Builder tls(ClientAuthMode clientAuth) {
        return SecurityConfig.builder().securePort(0).secureAddress("127.0.0.1")
                .keyStore(serverStore, Secret.of("server-pw"), null)
                .trustStore(trustStore, Secret.of(PASSWORD), "PKCS12")
                .clientAuth(clientAuth);
    }

    private PaddockTestingServer start(SecurityConfig security) {
        return track(PaddockTestingServer.builder().security(security).start());
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.push(closeable);
        return closeable;
    }

    private ZooKeeper connect(PaddockTestingServer server, Path clientStore) throws Exception {
        return track(TlsClients.connect(server.secureConnectString(),
                TlsClients.config(clientStore, trustStore)));
    }

    private Path clientStore(TestPki.Issued issued, String file) throws Exception {
        return pki.pkcs12(issued, file, PASSWORD);
    }

    @Test
    void theOfficialClientWorksOverTlsBesideThePlainPort() throws Exception {
        PaddockTestingServer server = start(tls(ClientAuthMode.NONE).build());
        ZooKeeper secure = connect(server, null);
        secure.create("/over-tls", bytes("x"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

        ZooKeeper plain = track(new ZooKeeper(server.connectString(), 10_000, e -> { }));
        Timing.await(TlsClients.WAIT).until(() -> plain.getState().isConnected());
        assertArrayEquals(bytes("x"), plain.getData("/over-tls", false, null));
    }

    @Test
    void theCertificateSubjectIsTheX509IdentityInAcls() throws Exception {
        PaddockTestingServer server = start(tls(ClientAuthMode.NEED).build());
        ZooKeeper alice = connect(server, clientStore(pki.client(ALICE), "alice.p12"));
        ZooKeeper bob = connect(server, clientStore(pki.client(BOB), "bob.p12"));

        List<ClientInfo> who = alice.whoAmI();
        assertEquals(List.of("ip", "x509"), who.stream().map(ClientInfo::getAuthScheme).toList());
        assertEquals(ALICE, who.get(1).getUser());

        alice.create("/alice", bytes("a"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        assertEquals(List.of(new ACL(Perms.ALL, new Id("x509", ALICE))),
                alice.getACL("/alice", new org.apache.zookeeper.data.Stat()));
        assertThrows(KeeperException.NoAuthException.class, () -> bob.getData("/alice", false, null));
        ZooKeeper aliceAgain = connect(server, clientStore(pki.client(ALICE), "alice2.p12"));
        assertArrayEquals(bytes("a"), aliceAgain.getData("/alice", false, null));

        alice.create("/for-bob", bytes("b"), java.util.Arrays.asList(new ACL(Perms.READ, new Id("x509", BOB))),
                CreateMode.PERSISTENT);
        assertArrayEquals(bytes("b"), bob.getData("/for-bob", false, null));
        assertThrows(KeeperException.NoAuthException.class, () -> alice.getData("/for-bob", false, null));
    }

    @Test
    void theX509SuperUserPassesEveryAcl() throws Exception {
        String root = "CN=root,O=Example";
        PaddockTestingServer server = start(tls(ClientAuthMode.NEED).x509SuperUser(root).build());
        ZooKeeper alice = connect(server, clientStore(pki.client(ALICE), "alice.p12"));
        alice.create("/alice", bytes("a"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);

        ZooKeeper superUser = connect(server, clientStore(pki.client(root), "root.p12"));
        assertArrayEquals(bytes("a"), superUser.getData("/alice", false, null));
        superUser.delete("/alice", -1);
    }

    @Test
    void needRefusesMissingUntrustedAndExpiredCertificates() throws Exception {
        PaddockTestingServer server = start(tls(ClientAuthMode.NEED).build());
        int port = server.server().secureAddress().getPort();
        TestPki stranger = TestPki.create(dir, "Some Other CA");

        assertNotNull(TlsClients.trySession(port, TlsClients.context(
                clientStore(pki.client(ALICE), "alice.p12"), trustStore, "TLS")));
        assertNull(TlsClients.trySession(port, TlsClients.context(null, trustStore, "TLS")),
                "no certificate");
        assertNull(TlsClients.trySession(port, TlsClients.context(
                stranger.pkcs12(stranger.client(ALICE), "forged.p12", PASSWORD), trustStore, "TLS")),
                "a certificate from a CA the server does not trust");
        assertNull(TlsClients.trySession(port, TlsClients.context(
                clientStore(pki.expiredClient(ALICE), "expired.p12"), trustStore, "TLS")),
                "an expired certificate");
        assertNotNull(TlsClients.trySession(port, TlsClients.context(
                clientStore(pki.client(BOB), "bob.p12"), trustStore, "TLS")),
                "refused clients leave the port serving");
    }

    @Test
    void wantLetsAClientWithoutCertificateInWithoutAnX509Id() throws Exception {
        PaddockTestingServer server = start(tls(ClientAuthMode.WANT).build());
        ZooKeeper anonymous = connect(server, null);
        assertEquals(List.of("ip"), anonymous.whoAmI().stream().map(ClientInfo::getAuthScheme).toList());

        ZooKeeper alice = connect(server, clientStore(pki.client(ALICE), "alice.p12"));
        assertEquals(ALICE, alice.whoAmI().get(1).getUser());
    }

    @Test
    void pemStoresWithAnEncryptedKeyServeTheSameClients() throws Exception {
        Path pemKey = pki.pem(pki.server("server-pem"), "server.pem", "pem-pw");
        Path pemTrust = pki.trustStore("PEM", "ca.pem", null);
        SecurityConfig security = tls(ClientAuthMode.NEED)
                .keyStore(pemKey, Secret.of("pem-pw"), null)
                .trustStore(pemTrust, Secret.EMPTY, null).build();
        PaddockTestingServer server = start(security);

        ZooKeeper alice = connect(server, clientStore(pki.client(ALICE), "alice.p12"));
        assertEquals(ALICE, alice.whoAmI().get(1).getUser());
    }

    @Test
    void unencryptedPemAndJksStoresWork() throws Exception {
        Path pemKey = pki.pem(pki.server("server-pem"), "server.pem", null);
        Path jksTrust = pki.trustStore("JKS", "trust.jks", "jks-pw");
        PaddockTestingServer server = start(tls(ClientAuthMode.NEED)
                .keyStore(pemKey, Secret.EMPTY, "PEM")
                .trustStore(jksTrust, Secret.of("jks-pw"), null).build());
        connect(server, clientStore(pki.client(ALICE), "alice.p12"));

        Path jksKey = pki.jks(pki.server("server-jks"), "server.jks", "jks-pw");
        PaddockTestingServer jks = start(tls(ClientAuthMode.NONE)
                .keyStore(jksKey, Secret.of("jks-pw"), null).build());
        connect(jks, null);
    }

    @Test
    void theBoringSslProviderServesTheSameClients() throws Exception {
        assumeTrue(io.netty.handler.ssl.OpenSsl.isAvailable(), "netty-tcnative is not usable here");
        PaddockTestingServer server = start(tls(ClientAuthMode.NEED).provider("OPENSSL").build());
        ZooKeeper alice = connect(server, clientStore(pki.client(ALICE), "alice.p12"));
        assertEquals(ALICE, alice.whoAmI().get(1).getUser());
    }

    @Test
    void withoutClientPortOnlyTheSecurePortIsServed() throws Exception {
        PaddockTestingServer server = track(PaddockTestingServer.builder().noPlainClientPort()
                .security(tls(ClientAuthMode.NONE).build()).start());
        assertNull(server.server().address());
        ZooKeeper zk = connect(server, null);
        zk.create("/only-tls", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }

    @Test
    void protocolsAndCipherSuitesAreTheConfiguredOnes() throws Exception {
        String suite = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        PaddockTestingServer server = start(tls(ClientAuthMode.NONE)
                .enabledProtocols(List.of("TLSv1.2")).cipherSuites(List.of(suite)).build());
        int port = server.server().secureAddress().getPort();
        SSLContext client = TlsClients.context(null, trustStore, "TLS");

        assertNull(TlsClients.trySession(port, client, "TLSv1.3"), "TLSv1.3 is not enabled");
        SSLSession session = TlsClients.trySession(port, client, "TLSv1.2", "TLSv1.3");
        assertNotNull(session);
        assertEquals("TLSv1.2", session.getProtocol());
        assertEquals(suite, session.getCipherSuite());
    }

    @Test
    void aReplacedKeyStoreIsServedToNewConnections() throws Exception {
        PaddockTestingServer server = start(tls(ClientAuthMode.NONE).reloadIntervalMs(50).build());
        int port = server.server().secureAddress().getPort();
        SSLContext client = TlsClients.context(null, trustStore, "TLS");
        assertEquals("CN=server-1,O=Paddock Tests", servedSubject(port, client));

        Files.writeString(serverStore, "half a file");
        pki.pkcs12(pki.server("server-2"), "server.p12", "server-pw");
        Timing.await(TlsClients.WAIT).until(() -> "CN=server-2,O=Paddock Tests".equals(
                servedSubject(port, client)));
    }

    private static String servedSubject(int port, SSLContext client) throws Exception {
        SSLSession session = TlsClients.trySession(port, client);
        assertNotNull(session, "the secure port stopped serving");
        return ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
