package io.paddock.zab.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.paddock.testing.Timing;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The election and quorum ports on loopback: FIFO per pair, the connection rule, reconnects, streams. */
class NettyTransportTest {
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
    void messagesBetweenEveryPairArriveInOrder() {
        for (long id = 1; id <= 3; id++) {
            start(id, config(id));
        }
        int count = 500;
        for (int i = 1; i <= count; i += 50) {
            for (long from = 1; from <= 3; from++) {
                List<PeerMessage> batch = new ArrayList<>();
                for (int k = i; k < i + 50; k++) {
                    for (long to = 1; to <= 3; to++) {
                        if (to != from) {
                            batch.add(new Commit(from, to, k));
                        }
                    }
                }
                transport(from).send(batch);
            }
        }
        for (long to = 1; to <= 3; to++) {
            RecordingListener l = listener(to);
            Timing.await(WAIT).until(() -> l.received.size() == 2 * count);
            for (long from = 1; from <= 3; from++) {
                if (from != to) {
                    List<Long> zxids = l.from(from).stream().map(m -> ((Commit) m).zxid()).toList();
                    assertEquals(count, zxids.size());
                    for (int k = 0; k < count; k++) {
                        assertEquals(k + 1, zxids.get(k), "FIFO from " + from + " to " + to);
                    }
                }
            }
        }
    }

    /**
     * One message per send, as a leader proposes and a learner forwards: sends queued on the
     * loop share one buffer and one write per connection, still in order and none lost.
     */
    @Test
    void singleMessageSendsInQuickSuccessionArriveInOrder() {
        for (long id = 1; id <= 3; id++) {
            start(id, config(id));
        }
        RecordingListener two = listener(2);
        transport(1).send(List.of(new Commit(1, 2, 0)));
        Timing.await(WAIT).until(() -> two.received.size() == 1); // connected
        int count = 3_000;
        for (int k = 1; k <= count; k++) {
            transport(1).send(List.of(new Commit(1, 2, k)));
            transport(1).send(List.of(new Commit(1, 3, k), new Commit(1, 1, k)));
        }
        for (long to = 1; to <= 3; to++) {
            RecordingListener l = listener(to);
            int expected = to == 2 ? count + 1 : count;
            Timing.await(WAIT).until(() -> l.from(1).size() == expected);
            List<Long> zxids = l.from(1).stream().map(m -> ((Commit) m).zxid()).toList();
            for (int k = 0; k < count; k++) {
                assertEquals(to == 2 ? k : k + 1, zxids.get(k), "FIFO from 1 to " + to);
            }
        }
    }

    @Test
    void unresolvedAddressesAsZooCfgGivesThemAreBoundAndDialled() {
        // The server's zoo.cfg parser never asks DNS: server.N hosts arrive unresolved.
        Map<Long, PeerAddress> unresolved = new TreeMap<>();
        peers.forEach((id, p) -> unresolved.put(id, new PeerAddress(id,
                InetSocketAddress.createUnresolved("127.0.0.1", p.electionAddress().getPort()),
                InetSocketAddress.createUnresolved("127.0.0.1", p.quorumAddress().getPort()))));
        for (long id = 1; id <= 2; id++) {
            start(id, TransportConfig.of(id, unresolved)
                    .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200)));
        }
        transport(1).send(List.of(new Ping(1, 2)));
        Timing.await(WAIT).until(() -> listener(2).received.contains(new Ping(1, 2)));
    }

    @Test
    void theSmallerIdKnocksAndTheLargerIdConnectsBack() {
        // Server 2 tried to dial 1 before 1 was up and will not retry for a minute: only 1's
        // knock can bring the connection up now.
        start(2, config(2).withReconnect(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        start(1, config(1));
        transport(1).send(List.of(new Ping(1, 2)));
        Timing.await(WAIT).until(() -> listener(2).received.contains(new Ping(1, 2)));
        transport(2).send(List.of(new Ping(2, 1)));
        Timing.await(WAIT).until(() -> listener(1).received.contains(new Ping(2, 1)));
    }

    @Test
    void aStartingSmallerIdKnocksAtOnce() throws Exception {
        // Server 2's dial of 1 meets a port that hangs up, so 2 waits a minute before it dials
        // again, as a restarted server's peers are still backing off from losing it. Server 1
        // backs off a minute too: only a first knock that waits for nothing connects them now.
        java.util.concurrent.CountDownLatch dialled = new java.util.concurrent.CountDownLatch(1);
        try (java.net.ServerSocket hangUp = new java.net.ServerSocket()) {
            hangUp.setReuseAddress(true);
            hangUp.bind(peers.get(1L).electionAddress());
            Thread acceptor = new Thread(() -> {
                try (Socket s = hangUp.accept()) {
                    dialled.countDown();
                } catch (IOException e) {
                    // closed below
                }
            });
            acceptor.start();
            start(2, config(2).withReconnect(Duration.ofMinutes(1), Duration.ofMinutes(1)));
            Timing.await(WAIT).until(() -> dialled.getCount() == 0);
        }
        start(1, config(1).withReconnect(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        transport(1).send(List.of(new Ping(1, 2)));
        Timing.await(WAIT).until(() -> listener(2).received.contains(new Ping(1, 2)));
    }

    @Test
    void aLostConnectionIsReportedAndComesBackWhenThePeerDoes() {
        start(1, config(1));
        start(2, config(2));
        transport(2).send(List.of(new Ping(2, 1)));
        Timing.await(WAIT).until(() -> listener(1).received.contains(new Ping(2, 1)));

        transports.remove(2L).close();
        Timing.await(WAIT).until(() -> listener(1).disconnected.contains(2L));

        start(2, config(2));
        transport(1).send(List.of(new Commit(1, 2, 7)));
        Timing.await(WAIT).until(() -> listener(2).received.contains(new Commit(1, 2, 7)));
    }

    @Test
    void aSnapshotStreamArrivesWholeOverTheQuorumPort() throws Exception {
        start(1, config(1));
        start(2, config(2));
        byte[] snapshot = new byte[(3 << 20) + 12345];
        new SplittableRandom(7).nextBytes(snapshot);

        transport(2).sendSnapshot(1, 0x5_0000_0009L, snapshot);

        RecordingListener.Snapshot got = Timing.poll(listener(1).snapshots, WAIT);
        assertNotNull(got, "stream arrived");
        assertEquals(2, got.from());
        assertEquals(0x5_0000_0009L, got.zxid());
        assertArrayEquals(snapshot, Files.readAllBytes(got.file()));
    }

    @Test
    void aNewConnectionFromALargerIdReplacesItsOldOneAndTheLossIsReported() throws Exception {
        start(1, config(1));
        try (Socket old = connect(1); Socket fresh = connect(1)) {
            old.getOutputStream().write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
            old.getOutputStream().write(bytes(new Commit(3, 1, 1)));
            Timing.await(WAIT).until(() -> listener(1).received.contains(new Commit(3, 1, 1)));

            fresh.getOutputStream().write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
            fresh.getOutputStream().write(bytes(new Commit(3, 1, 2)));
            assertClosedByPeer(old);
            Timing.await(WAIT).until(() -> listener(1).received.contains(new Commit(3, 1, 2)));
            assertEquals(List.of(3L), listener(1).disconnected, "the old connection's loss");
        }
    }

    @Test
    void aCorruptFrameClosesThatConnectionAndNothingOfItIsDelivered() throws Exception {
        start(1, config(1));
        try (Socket raw = connect(1)) {
            OutputStream out = raw.getOutputStream();
            out.write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
            byte[] bad = bytes(new Commit(3, 1, 5));
            bad[bad.length - 1] ^= 0x40;
            out.write(bad);
            out.write(bytes(new Commit(3, 1, 6)));
            out.flush();
            assertClosedByPeer(raw);
        }
        Timing.await(WAIT).until(() -> listener(1).disconnected.contains(3L));
        assertTrue(listener(1).received.isEmpty(), "nothing reached the listener");
    }

    @Test
    void anOversizeFrameClosesTheConnection() throws Exception {
        start(1, config(1).withMaxFrameBytes(1024));
        try (Socket raw = connect(1)) {
            raw.getOutputStream().write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
            raw.getOutputStream().write(new byte[] {0, 0, 8, 0, 1, 2, 3, 4});
            assertClosedByPeer(raw);
        }
        assertTrue(listener(1).received.isEmpty());
    }

    @Test
    void strangersAndImpostorsAreRefused() throws Exception {
        start(1, config(1));
        try (Socket raw = connect(1)) {
            raw.getOutputStream().write(bytes(new Hello(PeerMessageCodec.VERSION, 99)));
            assertClosedByPeer(raw);
        }
        try (Socket raw = connect(1)) {
            raw.getOutputStream().write(bytes(new Hello(PeerMessageCodec.VERSION, 3)));
            raw.getOutputStream().write(bytes(new Commit(2, 1, 5)));
            assertClosedByPeer(raw);
        }
        try (Socket raw = connect(1)) {
            raw.getOutputStream().write(bytes(new Commit(3, 1, 5)));
            assertClosedByPeer(raw);
        }
        assertTrue(listener(1).received.isEmpty());
    }

    private RecordingListener listener(long id) {
        return listeners.get(id);
    }

    private NettyTransport transport(long id) {
        return transports.get(id);
    }

    private TransportConfig config(long id) {
        return TransportConfig.of(id, peers).withReconnect(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private void start(long id, TransportConfig config) {
        NettyTransport t = new NettyTransport(config, dir.resolve("incoming-" + id));
        RecordingListener l = listeners.computeIfAbsent(id, k -> new RecordingListener());
        t.start(l);
        transports.put(id, t);
    }

    private Socket connect(long id) throws IOException {
        Socket s = new Socket();
        s.connect(peers.get(id).electionAddress());
        s.setSoTimeout((int) Timing.scaled(WAIT).toMillis());
        return s;
    }

    /** Reads until the peer closes; answers (its Hello) may come first. */
    private static void assertClosedByPeer(Socket raw) throws IOException {
        InputStream in = raw.getInputStream();
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // skip whatever the peer said before closing
            }
        } catch (java.net.SocketException reset) {
            // a reset is a close too
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
