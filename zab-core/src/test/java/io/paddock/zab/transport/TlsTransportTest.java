package io.paddock.zab.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.ssl.ClientAuth;
import io.paddock.testing.Timing;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.Ping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quorum TLS on the transport: both ports carry mutual TLS; plaintext and strangers get nothing. */
class TlsTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestCa ca;
    private static TestCa rogue;

    @TempDir
    Path dir;

    private final Map<Long, PeerAddress> peers = LoopbackPorts.ensemble(3);
    private final Map<Long, NettyTransport> transports = new TreeMap<>();
    private final Map<Long, RecordingListener> listeners = new TreeMap<>();

    @BeforeAll
    static void authorities() throws Exception {
        ca = TestCa.create("Quorum CA");
        rogue = TestCa.create("Rogue CA");
    }

    @AfterEach
    void closeAll() {
        transports.values().forEach(NettyTransport::close);
    }

    @Test
    void tlsLinksCarryMessagesBothWaysAndSnapshotStreams() throws Exception {
        start(1, TestCa.peer(ca, ca, true));
        start(2, TestCa.peer(ca, ca, true));
        transports.get(1L).send(List.of(new Ping(1, 2)));
        transports.get(2L).send(List.of(new Commit(2, 1, 9)));
        Timing.await(WAIT).until(() -> listeners.get(2L).received.contains(new Ping(1, 2)));
        Timing.await(WAIT).until(() -> listeners.get(1L).received.contains(new Commit(2, 1, 9)));

        byte[] snapshot = new byte[(1 << 20) + 777];
        new SplittableRandom(3).nextBytes(snapshot);
        transports.get(2L).sendSnapshot(1, 0x2_0000_0001L, snapshot);
        RecordingListener.Snapshot got = Timing.poll(listeners.get(1L).snapshots, WAIT);
        assertNotNull(got, "the stream arrived over TLS");
        assertEquals(2, got.from());
        assertArrayEquals(snapshot, Files.readAllBytes(got.file()));
    }

    @Test
    void aPlaintextDiallerIsRefusedOnBothPorts() throws Exception {
        start(1, TestCa.peer(ca, ca, true));
        for (InetSocketAddress port : List.of(peers.get(1L).electionAddress(),
                peers.get(1L).quorumAddress())) {
            try (Socket raw = new Socket()) {
                raw.connect(port);
                raw.setSoTimeout((int) Timing.scaled(WAIT).toMillis());
                OutputStream out = raw.getOutputStream();
                out.write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
                out.write(bytes(new Commit(3, 1, 5)));
                out.flush();
                assertClosedByPeer(raw);
            }
        }
        assertTrue(listeners.get(1L).received.isEmpty(), "nothing plaintext was delivered");
        assertTrue(listeners.get(1L).snapshots.isEmpty());
    }

    @Test
    void aPlaintextTransportNeverReachesATlsOne() throws Exception {
        start(1, TestCa.peer(ca, ca, true));
        start(2, null);
        transports.get(2L).send(List.of(new Ping(2, 1)));
        transports.get(1L).send(List.of(new Ping(1, 2)));
        Timing.await(WAIT).during(Duration.ofSeconds(1)).until(() ->
                listeners.get(1L).received.isEmpty() && listeners.get(2L).received.isEmpty());
    }

    private static SSLContext anonymous() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext anonymous = SSLContext.getInstance("TLS");
        anonymous.init(null, tmf.getTrustManagers(), null);
        return anonymous;
    }

    @Test
    void aDiallerWithoutACertificateIsRefused() throws Exception {
        start(1, TestCa.peer(ca, ca, true));
        InetSocketAddress election = peers.get(1L).electionAddress();
        try (SSLSocket s = (SSLSocket) anonymous().getSocketFactory().createSocket(
                election.getAddress(), election.getPort())) {
            s.setSoTimeout((int) Timing.scaled(WAIT).toMillis());
            try {
                OutputStream out = s.getOutputStream();
                out.write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
                out.write(bytes(new Commit(3, 1, 5)));
                out.flush();
            } catch (IOException refusedAtHandshake) {
                // TLS 1.2 refuses before any write; TLS 1.3 after the client's Finished
            }
            assertClosedByPeer(s);
        }
        assertTrue(listeners.get(1L).received.isEmpty(), "no message without a certificate");
    }

    @Test
    void withClientAuthNoneOrWantADiallerWithoutACertificateGetsIn() throws Exception {
        start(1, TestCa.peer(ca, ca, true, ClientAuth.NONE, "127.0.0.1"));
        start(2, TestCa.peer(ca, ca, true, ClientAuth.OPTIONAL, "127.0.0.1"));
        for (long id : new long[] {1, 2}) {
            InetSocketAddress election = peers.get(id).electionAddress();
            try (SSLSocket s = (SSLSocket) anonymous().getSocketFactory().createSocket(
                    election.getAddress(), election.getPort())) {
                OutputStream out = s.getOutputStream();
                out.write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
                out.write(bytes(new Commit(3, id, 5)));
                out.flush();
                Timing.await(WAIT).until(() -> listeners.get(id).received.contains(
                        new Commit(3, id, 5)));
            }
        }
    }

    @Test
    void anAcceptingServerChecksThatTheDiallersCertificateNamesItsAddress() throws Exception {
        // 2 dials 1 and checks nothing itself; its certificate names 10.9.8.7, not 127.0.0.1.
        start(1, TestCa.peer(ca, ca, true));
        start(2, TestCa.peer(ca, ca, false, ClientAuth.REQUIRE, "10.9.8.7"));
        transports.get(2L).send(List.of(new Ping(2, 1)));
        Timing.await(WAIT).during(Duration.ofSeconds(1)).until(() ->
                !listeners.get(1L).received.contains(new Ping(2, 1)));
        transports.get(1L).close();
        transports.remove(1L);
        listeners.remove(1L);
        start(1, TestCa.peer(ca, ca, false));
        transports.get(2L).send(List.of(new Ping(2, 1)));
        Timing.await(WAIT).until(() -> listeners.get(1L).received.contains(new Ping(2, 1)));
    }

    @Test
    void withPortUnificationTlsAndPlaintextPeersBothGetIn() throws Exception {
        start(1, unified(TestCa.peer(ca, ca, true)));
        start(2, null);
        start(3, TestCa.peer(ca, ca, true));
        transports.get(2L).send(List.of(new Ping(2, 1)));
        transports.get(3L).send(List.of(new Ping(3, 1)));
        Timing.await(WAIT).until(() -> listeners.get(1L).received.containsAll(
                List.of(new Ping(2, 1), new Ping(3, 1))));
        transports.get(1L).send(List.of(new Commit(1, 2, 4), new Commit(1, 3, 4)));
        Timing.await(WAIT).until(() -> listeners.get(2L).received.contains(new Commit(1, 2, 4)));
        Timing.await(WAIT).until(() -> listeners.get(3L).received.contains(new Commit(1, 3, 4)));
        byte[] snapshot = new byte[100_000];
        new SplittableRandom(4).nextBytes(snapshot);
        transports.get(2L).sendSnapshot(1, 7, snapshot);
        transports.get(3L).sendSnapshot(1, 8, snapshot);
        for (int i = 0; i < 2; i++) {
            RecordingListener.Snapshot got = Timing.poll(listeners.get(1L).snapshots, WAIT);
            assertNotNull(got, "both streams arrive");
            assertArrayEquals(snapshot, Files.readAllBytes(got.file()));
        }
    }

    /** The same TLS, accepting plaintext peers too. */
    private static PeerTls unified(PeerTls tls) {
        return new PeerTls() {
            @Override
            public io.netty.handler.ssl.SslContext serverContext() {
                return tls.serverContext();
            }

            @Override
            public io.netty.handler.ssl.SslContext clientContext() {
                return tls.clientContext();
            }

            @Override
            public boolean hostnameVerification() {
                return tls.hostnameVerification();
            }

            @Override
            public boolean portUnification() {
                return true;
            }
        };
    }

    @Test
    void aPeerWhoseCertificateAnotherCaSignedIsRefused() throws Exception {
        start(1, TestCa.peer(ca, ca, true));
        start(2, TestCa.peer(rogue, ca, true));
        start(3, TestCa.peer(ca, ca, true));
        transports.get(2L).send(List.of(new Ping(2, 1)));
        transports.get(3L).send(List.of(new Ping(3, 1)));
        Timing.await(WAIT).until(() -> listeners.get(1L).received.contains(new Ping(3, 1)));
        Timing.await(WAIT).during(Duration.ofSeconds(1)).until(() ->
                !listeners.get(1L).received.contains(new Ping(2, 1)));
    }

    private void start(long id, PeerTls tls) {
        TransportConfig config = TransportConfig.of(id, peers)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200))
                .withConnectTimeout(Duration.ofSeconds(2))
                .withTls(tls);
        NettyTransport t = new NettyTransport(config, dir.resolve("incoming-" + id));
        RecordingListener l = listeners.computeIfAbsent(id, k -> new RecordingListener());
        t.start(l);
        transports.put(id, t);
    }

    /** Reads until the peer closes; a reset or a TLS alert is a close too. */
    private static void assertClosedByPeer(Socket raw) {
        byte[] buf = new byte[256];
        try {
            InputStream in = raw.getInputStream();
            while (in.read(buf) >= 0) {
                // skip whatever the peer said before closing
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open", e);
        } catch (IOException closed) {
            // reset, or the handshake refused
        }
    }

    private static byte[] bytes(Object message) {
        ByteBuf buf = Unpooled.buffer();
        PeerMessageCodec.encode(message, buf);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }
}
