package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What every compatibility contract shares: a server per test (Paddock standalone, a Paddock
 * ensemble or the ZooKeeper reference, chosen by the concrete subclass; see
 * {@link #defaultServer}), connected clients, and cleanup in reverse order.
 * JUnit runs each test on one thread; clients call back on their own event threads.
 */
abstract class CompatTestBase {
    static final int SESSION_TIMEOUT = 4000;

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    protected ServerUnderTest server;

    /** Starts the server this concrete test class runs against. */
    protected abstract ServerUnderTest startServer(ServerSettings settings);

    /** The settings of the server each test starts with; contracts override as they need. */
    protected ServerSettings settings() {
        return ServerSettings.defaults();
    }

    @BeforeEach
    void startDefaultServer(TestInfo test) {
        boolean fresh = test.getTestMethod()
                .map(m -> m.isAnnotationPresent(FreshServer.class)).orElse(false);
        server = track(defaultServer(settings(), fresh));
    }

    /**
     * The server a test starts with: a new one per test unless the target overrides this to
     * share one server across its class's tests (closing it then readies it for the next);
     * {@code fresh} when the test is marked {@link FreshServer}.
     */
    protected ServerUnderTest defaultServer(ServerSettings settings, boolean fresh) {
        return startServer(settings);
    }

    @AfterEach
    void closeEverything() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                // Cleanup goes on; the test's own assertions have spoken.
            }
        }
    }

    protected ServerUnderTest startTracked(ServerSettings settings) {
        return track(startServer(settings));
    }

    protected <T extends AutoCloseable> T track(T closeable) {
        toClose.push(closeable);
        return closeable;
    }

    protected ZooKeeper connect() throws Exception {
        return connect(server.connectString(), SESSION_TIMEOUT, new EventRecorder());
    }

    protected ZooKeeper connect(EventRecorder recorder) throws Exception {
        return connect(server.connectString(), SESSION_TIMEOUT, recorder);
    }

    /** A client whose session is established, closed after the test. */
    protected ZooKeeper connect(String connectString, int sessionTimeout, EventRecorder recorder)
            throws Exception {
        ZooKeeper zk = new ZooKeeper(connectString, sessionTimeout, recorder);
        track(zk::close);
        recorder.awaitState(org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected);
        return zk;
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    protected static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    protected static String create(ZooKeeper zk, String path, String data, CreateMode mode) throws Exception {
        return zk.create(path, bytes(data), ZooDefs.Ids.OPEN_ACL_UNSAFE, mode);
    }

    protected static String create(ZooKeeper zk, String path, String data) throws Exception {
        return create(zk, path, data, CreateMode.PERSISTENT);
    }

    /**
     * Returns once every event the server sent this client before now has been delivered:
     * async callbacks share the one event thread with watchers, in arrival order.
     */
    protected static void drainEvents(ZooKeeper zk) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger rc = new AtomicInteger();
        zk.exists("/", false, (code, path, ctx, stat) -> {
            rc.set(code);
            done.countDown();
        }, null);
        assertTrue(Timing.latch(done, EventRecorder.WAIT), "exists(/) never answered");
        assertEquals(0, rc.get());
    }

    /** A brand-new session can still write and read: the server survived whatever came before. */
    protected void assertServerStillServes() throws Exception {
        ZooKeeper zk = connect();
        String path = "/alive-" + System.nanoTime();
        create(zk, path, "yes");
        assertArrayEquals(bytes("yes"), zk.getData(path, false, new Stat()));
        zk.close();
    }
}
