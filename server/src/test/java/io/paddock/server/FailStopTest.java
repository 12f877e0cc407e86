package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import io.paddock.server.testing.FailingTxnLog;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.server.txn.CreateTxn;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail-stop: a txn log that throws, or a logged txn that throws while being applied, stops the
 * server instead of acknowledging, retrying or answering SYSTEM_ERROR.
 */
class FailStopTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(connected.await(10, TimeUnit.SECONDS), "connected");
        return zk;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ServerFailure awaitFailure(PaddockServer server) throws Exception {
        return server.failure().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static void assertPortClosed(int port) {
        Timing.await(WAIT).untilAsserted(() -> assertThrows(ConnectException.class,
                () -> new Socket(InetAddress.getLoopbackAddress(), port).close()));
    }

    @Test
    void aFailedFlushIsNeverAcknowledgedAndStopsTheServer() throws Exception {
        AtomicReference<FailingTxnLog> failing = new AtomicReference<>();
        int port;
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .hooks(ServerHooks.NONE.withTxnLog(log -> {
                    failing.set(new FailingTxnLog(log, dataDir));
                    return failing.get();
                })).start()) {
            port = server.port();
            ZooKeeper zk = connect(server.connectString());
            try {
                zk.create("/kept", bytes("flushed"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                failing.get().breakNow();

                assertThrows(KeeperException.ConnectionLossException.class, () -> zk.create(
                        "/lost", bytes("never flushed"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT));
            } finally {
                zk.close();
            }

            ServerFailure failure = awaitFailure(server.server());
            assertInstanceOf(UncheckedIOException.class, failure.cause());
            assertTrue(failure.where().startsWith("persist stage failed at zxid 0x"),
                    failure.where());
            assertTrue(failure.describe().contains(failing.get().failureMessage()),
                    failure.describe());
            assertPortClosed(port);
        }

        try (PaddockTestingServer again = PaddockTestingServer.builder().dataDir(dataDir).start()) {
            ZooKeeper zk = connect(again.connectString());
            try {
                assertArrayEquals(bytes("flushed"), zk.getData("/kept", false, null));
                assertNull(zk.exists("/lost", false), "what was never flushed is not back");
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void aTxnThatThrowsWhileAppliedStopsTheServerWithoutAnAnswer() throws Exception {
        ServerHooks hooks = ServerHooks.NONE.withBeforeApply((header, txn) -> {
            if (txn instanceof CreateTxn c && c.path().equals("/boom")) {
                throw new IllegalStateException("injected apply bug");
            }
        });
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .hooks(hooks).start()) {
            int port = server.port();
            ZooKeeper zk = connect(server.connectString());
            try {
                zk.create("/fine", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                // No SYSTEM_ERROR answer: the connection goes with the server.
                assertThrows(KeeperException.ConnectionLossException.class, () -> zk.create(
                        "/boom", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            } finally {
                zk.close();
            }

            ServerFailure failure = awaitFailure(server.server());
            assertEquals("injected apply bug", failure.cause().getMessage());
            assertTrue(failure.where().startsWith("apply stage failed at zxid 0x"),
                    failure.where());
            assertTrue(failure.where().contains("create"), failure.where());
            assertPortClosed(port);
        }

        // The txn was logged before it was applied: a server without the bug replays it.
        try (PaddockTestingServer again = PaddockTestingServer.builder().dataDir(dataDir).start()) {
            ZooKeeper zk = connect(again.connectString());
            try {
                assertNotNull(zk.exists("/fine", false));
                assertNotNull(zk.exists("/boom", false));
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void closingAFailedServerAgainIsHarmless() throws Exception {
        AtomicReference<FailingTxnLog> failing = new AtomicReference<>();
        PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .hooks(ServerHooks.NONE.withTxnLog(log -> {
                    failing.set(new FailingTxnLog(log, dataDir));
                    return failing.get();
                })).start();
        failing.get().breakNow();
        // A new session's createSession is the first txn to reach the broken flush.
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write(newSessionFrame());
            awaitFailure(server.server());
        }
        server.close();
        server.close();
    }

    /** A 3.9 ConnectRequest for a new session, framed. */
    private static byte[] newSessionFrame() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(0);          // protocol version
        out.writeLong(0);         // lastZxidSeen
        out.writeInt(30_000);     // timeout
        out.writeLong(0);         // session id
        out.writeInt(16);         // password
        out.write(new byte[16]);
        out.writeBoolean(false);  // readOnly
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        new DataOutputStream(frame).writeInt(body.size());
        frame.write(body.toByteArray());
        return frame.toByteArray();
    }
}
