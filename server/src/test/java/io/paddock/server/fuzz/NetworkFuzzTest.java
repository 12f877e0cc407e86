package io.paddock.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.ACL;
import io.paddock.protocol.AuthPacket;
import io.paddock.protocol.ConnectRequest;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.GetDataRequest;
import io.paddock.protocol.MultiOp;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.RequestHeader;
import io.paddock.protocol.SetWatches2;
import io.paddock.protocol.codec.Frames;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.FuzzInputs;
import io.paddock.testing.FuzzWorker;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Random and mutated byte streams against a live server over TCP, while an official ZooKeeper
 * 3.9.5 client holds a session on the same server: each hostile connection ends (the server
 * closes it, at the latest once the stream ends or the handshake times out), the server never
 * fails, and the bystander session never disconnects and keeps reading its own writes.
 */
class NetworkFuzzTest {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** Check the bystander every this many tries, and after the last. */
    private static final int CHECK_EVERY = 50;

    private final FuzzWorker worker = new FuzzWorker();
    private final List<WatchedEvent> bystanderEvents = new CopyOnWriteArrayList<>();
    private final AtomicLong tries = new AtomicLong();
    private PaddockTestingServer server;
    private ZooKeeper bystander;
    private long bystanderSession;

    @BeforeProperty
    void startServerAndBystander() throws Exception {
        server = PaddockTestingServer.builder().handshakeTimeoutMs(1000).start();
        CountDownLatch connected = new CountDownLatch(1);
        bystander = new ZooKeeper(server.connectString(), 30_000, e -> {
            if (e.getType() == Watcher.Event.EventType.None) {
                bystanderEvents.add(e);
            }
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected), "the bystander connected");
        bystanderSession = bystander.getSessionId();
        bystander.create("/canary", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
    }

    @AfterProperty
    void stop() throws Exception {
        try {
            checkBystander();
        } finally {
            worker.report();
            worker.close();
            bystander.close();
            server.close();
        }
    }

    @Property
    void randomStreams(@ForAll("randomStreams") byte[] stream) throws Exception {
        send("random byte streams over TCP", stream);
    }

    @Property
    void mutatedSessions(@ForAll("mutatedSessions") byte[] stream) throws Exception {
        send("mutated session streams over TCP", stream);
    }

    private void send(String property, byte[] stream) throws Exception {
        FuzzWorker.Outcome o = worker.run(property, () -> sendAndAwaitClose(stream));
        if (o.thrown() != null) {
            throw new AssertionError(property + ": " + o.thrown(), o.thrown());
        }
        if (tries.incrementAndGet() % CHECK_EVERY == 0) {
            checkBystander();
        }
    }

    /** Sends the stream, ends it, and reads until the server closes the connection. */
    private Void sendAndAwaitClose(byte[] stream) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout((int) Timing.scaled(CLOSE_WAIT).toMillis());
            try {
                s.getOutputStream().write(stream);
                s.shutdownOutput();
            } catch (SocketException closedWhileWriting) {
                return null; // the server refused the stream before it was all sent
            }
            InputStream in = s.getInputStream();
            byte[] sink = new byte[8192];
            try {
                while (in.read(sink) >= 0) {
                    // Replies to whatever parsed: read and drop until the server closes.
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a finished hostile connection open for "
                        + Timing.scaled(CLOSE_WAIT));
            } catch (SocketException reset) {
                // Closed with a reset: closed all the same.
            }
        }
        return null;
    }

    private void checkBystander() throws Exception {
        assertFalse(server.server().failure().toCompletableFuture().isDone(),
                "the server failed");
        assertEquals(bystanderSession, bystander.getSessionId());
        byte[] value = ("try " + tries.get()).getBytes(StandardCharsets.UTF_8);
        bystander.setData("/canary", value, -1);
        assertArrayEquals(value, bystander.getData("/canary", false, null));
        assertEquals(List.of(), bystanderEvents.stream()
                .filter(e -> e.getState() != Watcher.Event.KeeperState.SyncConnected).toList(),
                "the bystander was never disconnected");
    }

    @Provide
    Arbitrary<byte[]> randomStreams() {
        Arbitrary<byte[]> framed = FuzzInputs.bytes(200).map(b -> {
            byte[] out = new byte[b.length + 4];
            java.nio.ByteBuffer.wrap(out).putInt(b.length).put(b);
            return out;
        });
        return Arbitraries.oneOf(FuzzInputs.bytes(300), framed);
    }

    @Provide
    Arbitrary<byte[]> mutatedSessions() {
        return FuzzInputs.mutated(validSession(), 6);
    }

    /** A new session's handshake and a few requests of different shapes, as a client sends. */
    static byte[] validSession() {
        ByteBuf out = Unpooled.buffer();
        Frames.writeFrame(out, null, new ConnectRequest(0, 0, 30_000, 0, new byte[16], false));
        byte[] data = "fuzz".getBytes(StandardCharsets.UTF_8);
        frame(out, 1, OpCode.CREATE, new CreateRequest("/fuzz", data, ACL.OPEN_ACL_UNSAFE,
                1));
        frame(out, 2, OpCode.GET_DATA, new GetDataRequest("/canary", true));
        frame(out, 3, OpCode.MULTI, new MultiRequest(List.of(
                new MultiOp(OpCode.CREATE, new CreateRequest("/m", data, ACL.OPEN_ACL_UNSAFE, 0)),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/m", -1)))));
        frame(out, 4, OpCode.SET_WATCHES2, new SetWatches2(0, List.of("/canary"), List.of(),
                List.of(), List.of(), List.of()));
        frame(out, -4, OpCode.AUTH, new AuthPacket(0, "digest", "u:p".getBytes()));
        frame(out, -2, OpCode.PING, null);
        return ByteBufUtil.getBytes(out);
    }

    private static void frame(ByteBuf out, int xid, int op, Record body) {
        Frames.writeFrame(out, new RequestHeader(xid, op), body);
    }
}
