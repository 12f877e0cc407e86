package io.paddock.client;

import io.paddock.protocol.CreateMode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.api.OpResult;
import io.paddock.client.exception.BadVersionException;
import io.paddock.client.exception.NoAuthException;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.NoWatcherException;
import io.paddock.client.exception.NodeExistsException;
import io.paddock.client.exception.NotEmptyException;
import io.paddock.client.retry.RetryNTimes;
import io.paddock.client.testing.TcpProxy;
import io.paddock.client.testing.TestServer;
import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * Every client operation, watch kind and connection-state transition, run against a server
 * chosen by the subclass: the same tests prove the client against Paddock and against Apache
 * ZooKeeper 3.9.5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientContract {
    static final int TICK_MS = 200;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    PaddockClient client;
    String base;

    abstract TestServer startServer(int tickTime);

    @BeforeAll
    void startTheServer() {
        server = startServer(TICK_MS);
    }

    @AfterAll
    void stopTheServer() {
        server.close();
    }

    @BeforeEach
    void connect(TestInfo info) {
        client = newClient(server.connectString(), b -> b);
        base = "/" + info.getTestMethod().orElseThrow().getName();
        client.create().forPath(base);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        closeables.clear();
    }

    PaddockClient newClient(String connectString,
            java.util.function.UnaryOperator<PaddockClient.Builder> options) {
        PaddockClient c = options.apply(PaddockClient.builder()
                .connectString(connectString)
                .sessionTimeout(Duration.ofSeconds(4))
                .connectionTimeout(Duration.ofSeconds(5))
                .retryPolicy(new RetryNTimes(3, Duration.ofMillis(100)))).build();
        closeables.add(0, c);
        c.start();
        assertTrue(c.blockUntilConnected(Timing.scaled(WAIT)), "connected");
        return c;
    }

    TcpProxy proxy() throws Exception {
        TcpProxy proxy = new TcpProxy(server.address());
        closeables.add(proxy);
        return proxy;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createGetSetDeleteWithStats() {
        StatHolder created = new StatHolder();
        String path = client.create().storingStatIn(created).forPath(base + "/a", bytes("one"));
        assertEquals(base + "/a", path);
        assertEquals(0, created.get().version());

        StatHolder read = new StatHolder();
        assertArrayEquals(bytes("one"), client.getData().storingStatIn(read).forPath(path));
        assertEquals(3, read.get().dataLength());

        Stat after = client.setData().withVersion(0).forPath(path, bytes("two"));
        assertEquals(1, after.version());
        BadVersionException stale = assertThrows(BadVersionException.class,
                () -> client.setData().withVersion(0).forPath(path, bytes("three")));
        assertEquals(ErrorCode.BAD_VERSION, stale.code());
        assertEquals(path, stale.path());

        assertThrows(BadVersionException.class, () -> client.delete().withVersion(0).forPath(path));
        client.delete().withVersion(1).forPath(path);
        assertNull(client.checkExists().forPath(path));
        assertThrows(NoNodeException.class, () -> client.getData().forPath(path));
    }

    @Test
    void createModesAndParents() {
        assertThrows(NoNodeException.class, () -> client.create().forPath(base + "/x/y"));
        String deep = client.create().creatingParentsIfNeeded().forPath(base + "/x/y/z", bytes("d"));
        assertEquals(base + "/x/y/z", deep);
        assertThrows(NodeExistsException.class, () -> client.create().forPath(deep));

        String seq1 = client.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(base + "/s-");
        String seq2 = client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                .forPath(base + "/s-");
        assertTrue(seq1.matches(".*/s-\\d{10}"), seq1);
        assertTrue(seq2.compareTo(seq1) > 0);
        assertEquals(client.checkExists().forPath(seq1).ephemeralOwner(),
                client.checkExists().forPath(seq1).ephemeralOwner());
        assertNotEquals(0, client.checkExists().forPath(seq1).ephemeralOwner());

        String prot = client.create().withProtection().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(base + "/lock-");
        assertTrue(prot.matches(".*/_c_[0-9a-f-]{36}-lock-\\d{10}"), prot);

        client.create().withMode(CreateMode.CONTAINER).forPath(base + "/container");
        assertNotNull(client.checkExists().forPath(base + "/container"));
    }

    @Test
    void ttlNodes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(server.supportsTtl());
        String p = client.create().withMode(CreateMode.PERSISTENT_WITH_TTL)
                .withTtl(Duration.ofMinutes(5)).forPath(base + "/ttl");
        assertNotNull(client.checkExists().forPath(p));
    }

    @Test
    void deleteChildrenAndGetChildren() {
        client.create().creatingParentsIfNeeded().forPath(base + "/p/c1/g");
        client.create().forPath(base + "/p/c2");
        StatHolder stat = new StatHolder();
        List<String> kids = new ArrayList<>(client.getChildren().storingStatIn(stat)
                .forPath(base + "/p"));
        kids.sort(null);
        assertEquals(List.of("c1", "c2"), kids);
        assertEquals(2, stat.get().numChildren());
        assertThrows(NotEmptyException.class, () -> client.delete().forPath(base + "/p"));
        client.delete().deletingChildrenIfNeeded().forPath(base + "/p");
        assertNull(client.checkExists().forPath(base + "/p"));
    }

    @Test
    void oneShotWatchesFireOnce() {
        List<WatchedEvent> events = new CopyOnWriteArrayList<>();
        Watcher w = events::add;
        assertNull(client.checkExists().watched(w).forPath(base + "/n"));
        client.create().forPath(base + "/n", bytes("1"));
        Timing.await(WAIT).until(() -> events.size() == 1);
        assertEquals(new WatchedEvent(WatchedEvent.Type.NODE_CREATED, base + "/n"), events.get(0));

        client.getData().watched(w).forPath(base + "/n");
        client.getChildren().watched(w).forPath(base + "/n");
        client.setData().forPath(base + "/n", bytes("2"));
        client.setData().forPath(base + "/n", bytes("3"));
        client.create().forPath(base + "/n/kid");
        Timing.await(WAIT).until(() -> events.size() == 3);
        assertEquals(WatchedEvent.Type.NODE_DATA_CHANGED, events.get(1).type());
        assertEquals(new WatchedEvent(WatchedEvent.Type.NODE_CHILDREN_CHANGED, base + "/n"),
                events.get(2));
        client.setData().forPath(base + "/n", bytes("4"));
        client.sync().forPath(base + "/n");
        assertEquals(3, events.size(), "one-shot watches fired again: " + events);
    }

    @Test
    void persistentAndRecursiveWatches() {
        List<WatchedEvent> persistent = new CopyOnWriteArrayList<>();
        List<WatchedEvent> recursive = new CopyOnWriteArrayList<>();
        Watcher pw = persistent::add;
        Watcher rw = recursive::add;
        client.watchers().add().persistent().forPath(base, pw);
        client.watchers().add().recursive().forPath(base, rw);
        client.create().forPath(base + "/a");
        client.create().forPath(base + "/a/b");
        client.setData().forPath(base + "/a/b", bytes("x"));
        client.setData().forPath(base, bytes("y"));
        Timing.await(WAIT).until(() -> recursive.size() == 4 && persistent.size() == 2);
        assertEquals(List.of(
                new WatchedEvent(WatchedEvent.Type.NODE_CREATED, base + "/a"),
                new WatchedEvent(WatchedEvent.Type.NODE_CREATED, base + "/a/b"),
                new WatchedEvent(WatchedEvent.Type.NODE_DATA_CHANGED, base + "/a/b"),
                new WatchedEvent(WatchedEvent.Type.NODE_DATA_CHANGED, base)), recursive);
        assertEquals(List.of(
                new WatchedEvent(WatchedEvent.Type.NODE_CHILDREN_CHANGED, base),
                new WatchedEvent(WatchedEvent.Type.NODE_DATA_CHANGED, base)), persistent);

        client.watchers().remove(rw).ofType(WatcherType.PERSISTENT_RECURSIVE).forPath(base);
        Timing.await(WAIT).until(() -> recursive.size() == 5);
        assertEquals(WatchedEvent.Type.PERSISTENT_WATCH_REMOVED, recursive.get(4).type());
        client.setData().forPath(base + "/a", bytes("z"));
        client.setData().forPath(base, bytes("w"));
        Timing.await(WAIT).until(() -> persistent.size() == 3);
        assertEquals(5, recursive.size(), "removed watch still fires: " + recursive);
        assertThrows(NoWatcherException.class,
                () -> client.watchers().remove(rw).forPath(base));
    }

    @Test
    void transactionsCommitAndRollBack() {
        List<OpResult> ok = client.transaction()
                .create(base + "/t1", bytes("a"))
                .create(base + "/t2", bytes("b"), CreateMode.PERSISTENT_SEQUENTIAL)
                .setData(base + "/t1", bytes("c"))
                .check(base + "/t1", 1)
                .delete(base + "/t1")
                .commit();
        assertEquals(5, ok.size());
        assertEquals(base + "/t1", ((OpResult.Create) ok.get(0)).path());
        assertTrue(((OpResult.Create) ok.get(1)).path().startsWith(base + "/t2"));
        assertEquals(1, ((OpResult.SetData) ok.get(2)).stat().version());
        assertInstanceOf(OpResult.Check.class, ok.get(3));
        assertInstanceOf(OpResult.Delete.class, ok.get(4));

        BadVersionException failed = assertThrows(BadVersionException.class, () ->
                client.transaction()
                        .create(base + "/r1", bytes("a"))
                        .check(base, 42)
                        .create(base + "/r2", bytes("b"))
                        .commit());
        assertEquals(List.of(new OpResult.Error(ErrorCode.OK),
                new OpResult.Error(ErrorCode.BAD_VERSION),
                new OpResult.Error(ErrorCode.RUNTIME_INCONSISTENCY)), failed.results());
        assertNull(client.checkExists().forPath(base + "/r1"), "rolled back");
    }

    @Test
    void aclsAndDigestAuth() throws Exception {
        String digest = "bob:" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA1").digest(bytes("bob:secret")));
        PaddockClient bob = newClient(server.connectString(),
                b -> b.authorization("digest", bytes("bob:secret")));
        String p = bob.create().withAcl(ACL.CREATOR_ALL_ACL).forPath(base + "/secret", bytes("s"));
        List<ACL> acl = bob.getAcl().forPath(p);
        assertEquals(List.of(new ACL(ACL.Perms.ALL, new Id("digest", digest))), acl);
        assertThrows(NoAuthException.class, () -> client.getData().forPath(p));

        client.addAuth("digest", bytes("bob:secret"));
        Timing.await(WAIT).ignoreExceptions()
                .until(() -> client.getData().forPath(p).length == 1);

        StatHolder stat = new StatHolder();
        bob.getAcl().storingStatIn(stat).forPath(p);
        Stat changed = bob.setAcl().withVersion(stat.get().aversion())
                .withAcl(ACL.READ_ACL_UNSAFE).forPath(p);
        assertEquals(1, changed.aversion());
        assertEquals(ACL.READ_ACL_UNSAFE, client.getAcl().forPath(p));
    }

    @Test
    void namespacesAndChroot() {
        PaddockClient app = newClient(server.connectString(), b -> b.namespace(base.substring(1)
                + "/app"));
        List<WatchedEvent> events = new CopyOnWriteArrayList<>();
        assertNull(app.checkExists().watched(events::add).forPath("/x"));
        assertEquals("/x", app.create().forPath("/x", bytes("1")));
        assertArrayEquals(bytes("1"), client.getData().forPath(base + "/app/x"));
        assertEquals(List.of("x"), app.getChildren().forPath("/"));
        Timing.await(WAIT).until(() -> events.equals(List.of(
                new WatchedEvent(WatchedEvent.Type.NODE_CREATED, "/x"))));
        List<OpResult> results = app.transaction().create("/y", null).commit();
        assertEquals("/y", ((OpResult.Create) results.get(0)).path());

        PaddockClient chrooted = newClient(server.connectString() + base + "/app", b -> b);
        assertArrayEquals(bytes("1"), chrooted.getData().forPath("/x"));
        String seq = chrooted.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath("/s-");
        assertTrue(seq.startsWith("/s-"), seq);
    }

    @Test
    void asyncApiPipelinesAndCompletesOnTheEventThread() {
        List<CompletableFuture<String>> creates = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            creates.add(client.async().create().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(base + "/q-", bytes("v" + i)));
        }
        List<String> threads = new CopyOnWriteArrayList<>();
        CompletableFuture<byte[]> read = client.async().getData().forPath(base)
                .whenComplete((v, e) -> threads.add(Thread.currentThread().getName()));
        String previous = "";
        for (CompletableFuture<String> f : creates) {
            String path = f.join();
            assertTrue(path.compareTo(previous) > 0, "created in submission order");
            previous = path;
        }
        read.join();
        assertEquals(List.of("paddock-client-events"), threads);
        CompletableFuture<byte[]> missing = client.async().getData().forPath(base + "/none");
        Throwable error = assertThrows(java.util.concurrent.CompletionException.class,
                missing::join).getCause();
        assertInstanceOf(NoNodeException.class, error);
        assertEquals(500, client.getChildren().forPath(base).size());
    }

    @Test
    void eventThreadDeliversStatesWatchesAndCallbacksInOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Watcher w = e -> {
            order.add("watch " + e.type());
            threads.add(Thread.currentThread().getName());
        };
        client.getData().watched(w).forPath(base);
        client.async().setData().forPath(base, bytes("x")).thenRun(() -> {
            order.add("reply");
            threads.add(Thread.currentThread().getName());
        });
        Timing.await(WAIT).until(() -> order.size() == 2);
        // The server sends the notification before the reply of the write that caused it.
        assertEquals(List.of("watch NODE_DATA_CHANGED", "reply"), order);
        assertEquals(List.of("paddock-client-events", "paddock-client-events"), threads);

        // A watcher may use the synchronous API without deadlocking the event thread.
        CompletableFuture<byte[]> fromWatcher = new CompletableFuture<>();
        client.getData().watched(e -> fromWatcher.complete(client.getData().forPath(base)))
                .forPath(base);
        client.setData().forPath(base, bytes("y"));
        assertArrayEquals(bytes("y"), Timing.get(fromWatcher, WAIT));
    }

    @Test
    void suspendedThenReconnectedKeepsSessionAndRearmsWatches() throws Exception {
        TcpProxy proxy = proxy();
        PaddockClient c = newClient(proxy.connectString(), b -> b);
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        c.addConnectionStateListener((cl, s) -> {
            if (s != ConnectionState.CONNECTED) {
                states.add(s);
            }
        });
        String eph = c.create().withMode(CreateMode.EPHEMERAL).forPath(base + "/eph");
        List<WatchedEvent> events = new CopyOnWriteArrayList<>();
        c.getData().watched(events::add).forPath(base);
        c.watchers().add().recursive().forPath(base, events::add);

        proxy.cut();
        Timing.await(WAIT).until(() -> states.contains(ConnectionState.SUSPENDED));
        client.setData().forPath(base, bytes("changed while away"));
        proxy.restore();
        Timing.await(WAIT).until(() -> states.contains(ConnectionState.RECONNECTED));
        assertEquals(List.of(ConnectionState.SUSPENDED, ConnectionState.RECONNECTED), states);
        // setWatches2 from the last zxid seen: the change made while away fires both watches.
        Timing.await(WAIT).until(() -> events.size() == 2);
        assertTrue(events.stream().allMatch(e ->
                e.equals(new WatchedEvent(WatchedEvent.Type.NODE_DATA_CHANGED, base))), "" + events);
        assertNotNull(client.checkExists().forPath(eph), "session survived");
        client.create().forPath(base + "/after");
        Timing.await(WAIT).until(() -> events.size() == 3);
        assertEquals(new WatchedEvent(WatchedEvent.Type.NODE_CREATED, base + "/after"),
                events.get(2));
    }

    @Test
    void lostWhenTheSessionExpiresThenANewSession() throws Exception {
        TcpProxy proxy = proxy();
        PaddockClient c = newClient(proxy.connectString(),
                b -> b.sessionTimeout(Duration.ofMillis(1000)));
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        c.addConnectionStateListener((cl, s) -> {
            if (s != ConnectionState.CONNECTED) {
                states.add(s);
            }
        });
        String eph = c.create().withMode(CreateMode.EPHEMERAL).forPath(base + "/eph");
        List<WatchedEvent> events = new CopyOnWriteArrayList<>();
        c.checkExists().watched(events::add).forPath(base + "/other");

        proxy.cut();
        Timing.await(WAIT).until(() -> client.checkExists().forPath(eph) == null);
        Timing.await(WAIT).until(() -> states.contains(ConnectionState.LOST));
        proxy.restore();
        Timing.await(WAIT).until(() -> states.contains(ConnectionState.RECONNECTED));
        assertEquals(List.of(ConnectionState.SUSPENDED, ConnectionState.LOST,
                ConnectionState.RECONNECTED), states);
        assertEquals(List.of(new WatchedEvent(WatchedEvent.Type.SESSION_EXPIRED, null)), events);
        assertNotNull(c.create().withMode(CreateMode.EPHEMERAL).forPath(base + "/eph2"));
    }

    @Test
    void protectedCreateRecoversTheNodeItsLostAttemptMade() throws Exception {
        TcpProxy proxy = proxy();
        PaddockClient c = newClient(proxy.connectString(), b -> b);
        proxy.swallowReplies();
        CompletableFuture<String> create = c.async().create().withProtection()
                .withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath(base + "/lock-", bytes("me"));
        Timing.await(WAIT).until(() -> client.getChildren().forPath(base).size() == 1);
        proxy.drop();
        proxy.restore();
        String path = Timing.get(create, WAIT);
        List<String> children = client.getChildren().forPath(base);
        assertEquals(1, children.size(), "no duplicate: " + children);
        assertEquals(base + "/" + children.get(0), path);
    }

    @Test
    void unprotectedSequentialCreateIsNotRetried() throws Exception {
        TcpProxy proxy = proxy();
        PaddockClient c = newClient(proxy.connectString(), b -> b);
        proxy.swallowReplies();
        CompletableFuture<String> create = c.async().create()
                .withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(base + "/n-");
        Timing.await(WAIT).until(() -> client.getChildren().forPath(base).size() == 1);
        proxy.drop();
        proxy.restore();
        Throwable error = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> Timing.get(create, WAIT)).getCause();
        assertInstanceOf(io.paddock.client.exception.ConnectionLossException.class, error);
        assertEquals(1, client.getChildren().forPath(base).size());
    }

    @Test
    void readsAreRetriedAcrossAReconnect() throws Exception {
        TcpProxy proxy = proxy();
        PaddockClient c = newClient(proxy.connectString(), b -> b);
        client.setData().forPath(base, bytes("v"));
        proxy.swallowReplies();
        CompletableFuture<byte[]> read = c.async().getData().forPath(base);
        proxy.drop();
        proxy.restore();
        assertArrayEquals(bytes("v"), Timing.get(read, WAIT));
        assertFalse(read.isCompletedExceptionally());
    }

    @Test
    void guaranteedDeleteFinishesAfterReconnecting() throws Exception {
        TcpProxy proxy = proxy();
        PaddockClient c = newClient(proxy.connectString(), b -> b
                .connectionTimeout(Duration.ofMillis(500))
                .retryPolicy(io.paddock.client.retry.RetryPolicy.none()));
        client.create().forPath(base + "/doomed");
        proxy.cut();
        CompletableFuture<Void> delete = c.async().delete().guaranteed().forPath(base + "/doomed");
        Throwable error = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> Timing.get(delete, WAIT)).getCause();
        assertInstanceOf(io.paddock.client.exception.ConnectionLossException.class, error);
        assertNotNull(client.checkExists().forPath(base + "/doomed"));
        proxy.restore();
        Timing.await(WAIT).until(() -> client.checkExists().forPath(base + "/doomed") == null);
    }
}
