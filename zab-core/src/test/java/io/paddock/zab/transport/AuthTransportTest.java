package io.paddock.zab.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer authentication on the transport ({@link PeerAuthenticator}, {@link PeerAuthHandler}):
 * authenticated links carry messages and snapshot streams, alone and under TLS; a wrong secret,
 * a peer that does not authenticate where it is required, and a peer that cannot answer an
 * exchange are refused; where it is not required, a peer that does not authenticate gets in.
 */
class AuthTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final Map<Long, PeerAddress> peers = LoopbackPorts.ensemble(3);
    private final Map<Long, NettyTransport> transports = new TreeMap<>();
    private final Map<Long, RecordingListener> listeners = new TreeMap<>();

    @AfterEach
    void closeAll() {
        transports.values().forEach(NettyTransport::close);
    }

    @Test
    void authenticatedLinksCarryMessagesBothWaysAndSnapshotStreams() throws Exception {
        SecretAuthenticator one = new SecretAuthenticator("s3cret", true, true);
        SecretAuthenticator two = new SecretAuthenticator("s3cret", true, true);
        start(1, one, null);
        start(2, two, null);
        exchangeAndStream();
        assertTrue(one.successes.get() >= 2, "election and quorum connections authenticated");
    }

    @Test
    void authenticationRunsInsideTls() throws Exception {
        TestCa ca = TestCa.create("Quorum CA");
        start(1, new SecretAuthenticator("s3cret", true, true), TestCa.peer(ca, ca, true));
        start(2, new SecretAuthenticator("s3cret", true, true), TestCa.peer(ca, ca, true));
        exchangeAndStream();
    }

    @Test
    void aPeerWithTheWrongSecretIsRefused() throws Exception {
        SecretAuthenticator one = new SecretAuthenticator("s3cret", true, true);
        start(1, one, null);
        start(2, new SecretAuthenticator("guess", true, true), null);
        transports.get(2L).send(List.of(new Ping(2, 1)));
        transports.get(1L).send(List.of(new Ping(1, 2)));
        Timing.await(WAIT).until(() -> one.failures.get() > 0);
        Timing.await(WAIT).during(Duration.ofSeconds(1)).until(() ->
                listeners.get(1L).received.isEmpty() && listeners.get(2L).received.isEmpty());
    }

    @Test
    void whereItIsRequiredAPeerThatDoesNotAuthenticateIsRefused() throws Exception {
        start(1, new SecretAuthenticator("s3cret", true, true), null);
        start(2, null, null);
        transports.get(2L).send(List.of(new Ping(2, 1)));
        Timing.await(WAIT).during(Duration.ofSeconds(1)).until(() ->
                listeners.get(1L).received.isEmpty());
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
        assertTrue(listeners.get(1L).received.isEmpty(), "nothing unauthenticated was delivered");
    }

    @Test
    void whereItIsNotRequiredAPeerThatDoesNotAuthenticateGetsIn() throws Exception {
        // ZooKeeper's rolling upgrade: 1 answers exchanges but lets others in; 2 has none.
        start(1, new SecretAuthenticator("s3cret", false, false), null);
        start(2, null, null);
        exchangeAndStream();
    }

    @Test
    void aDiallerThatAuthenticatesRefusesAPeerWithoutAuthentication() throws Exception {
        start(1, null, null);
        start(2, new SecretAuthenticator("s3cret", true, false), null);
        transports.get(2L).send(List.of(new Ping(2, 1)));
        Timing.await(WAIT).during(Duration.ofSeconds(1)).until(() ->
                listeners.get(1L).received.isEmpty());
    }

    private void exchangeAndStream() throws Exception {
        transports.get(1L).send(List.of(new Ping(1, 2)));
        transports.get(2L).send(List.of(new Commit(2, 1, 9)));
        Timing.await(WAIT).until(() -> listeners.get(2L).received.contains(new Ping(1, 2)));
        Timing.await(WAIT).until(() -> listeners.get(1L).received.contains(new Commit(2, 1, 9)));
        byte[] snapshot = new byte[(256 << 10) + 77];
        new SplittableRandom(5).nextBytes(snapshot);
        transports.get(2L).sendSnapshot(1, 0x2_0000_0001L, snapshot);
        RecordingListener.Snapshot got = Timing.poll(listeners.get(1L).snapshots, WAIT);
        assertNotNull(got, "the stream arrived");
        assertEquals(2, got.from());
        assertArrayEquals(snapshot, Files.readAllBytes(got.file()));
    }

    private void start(long id, PeerAuthenticator auth, PeerTls tls) {
        TransportConfig config = TransportConfig.of(id, peers)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200))
                .withConnectTimeout(Duration.ofSeconds(2))
                .withTls(tls)
                .withAuthenticator(auth);
        NettyTransport t = new NettyTransport(config, dir.resolve("incoming-" + id));
        RecordingListener l = listeners.computeIfAbsent(id, k -> new RecordingListener());
        t.start(l);
        transports.put(id, t);
    }

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
            // reset
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
