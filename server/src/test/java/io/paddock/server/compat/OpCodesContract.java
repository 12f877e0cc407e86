package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;

/** Every client op code, driven through the official ZooKeeper client. */
abstract class OpCodesContract extends CompatTestBase {

    @Test
    @FreshServer("the root's sequence numbers")
    void createsEveryModeWithTheOwnerZooKeeperStores() throws Exception {
        ZooKeeper zk = connect();
        long ttl = 60_000;
        Stat stat = new Stat();

        assertEquals("/p", zk.create("/p", bytes("d"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat));
        assertEquals(0, stat.getEphemeralOwner());
        assertEquals("/ps0000000001",
                zk.create("/ps", bytes("d"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL, stat));
        assertEquals("/e", zk.create("/e", bytes("d"), Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL, stat));
        assertEquals(zk.getSessionId(), stat.getEphemeralOwner());
        assertEquals("/es0000000003",
                zk.create("/es", bytes("d"), Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL, stat));
        assertEquals(zk.getSessionId(), stat.getEphemeralOwner());
        assertEquals("/c", zk.create("/c", bytes("d"), Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER, stat));
        // ZooKeeper stores a marker owner for containers and TTL nodes but shows clients 0.
        assertEquals(0, stat.getEphemeralOwner());
        assertEquals("/t", zk.create("/t", bytes("d"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL,
                stat, ttl));
        assertEquals(0, stat.getEphemeralOwner());
        assertEquals("/ts0000000006", zk.create("/ts", bytes("d"), Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, stat, ttl));
        assertEquals(0, stat.getEphemeralOwner());

        assertEquals(zk.getSessionId(), zk.exists("/es0000000003", false).getEphemeralOwner());
        assertEquals(0, zk.exists("/c", false).getEphemeralOwner());
        assertEquals(0, zk.exists("/t", false).getEphemeralOwner());
    }

    @Test
    void rejectsTtlNodesWhenExtendedTypesAreOff() throws Exception {
        ServerUnderTest plain = startTracked(settings().withExtendedTypes(false));
        ZooKeeper zk = connect(plain.connectString(), SESSION_TIMEOUT, new EventRecorder());

        assertThrows(KeeperException.UnimplementedException.class, () -> zk.create("/t", bytes("d"),
                Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 60_000));
        assertThrows(KeeperException.UnimplementedException.class, () -> zk.create("/ts", bytes("d"),
                Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, new Stat(), 60_000));
        assertNull(zk.exists("/t", false));
    }

    @Test
    void create2FillsTheStat() throws Exception {
        ZooKeeper zk = connect();
        Stat stat = new Stat();
        zk.create("/n", bytes("hello"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);

        assertTrue(stat.getCzxid() > 0);
        assertEquals(stat.getCzxid(), stat.getMzxid());
        assertEquals(5, stat.getDataLength());
        assertEquals(stat, zk.exists("/n", false));
    }

    @Test
    void deleteExistsGetDataSetData() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/n", "one");
        Stat stat = new Stat();

        assertArrayEquals(bytes("one"), zk.getData("/n", false, stat));
        assertEquals(0, stat.getVersion());
        Stat afterSet = zk.setData("/n", bytes("two"), 0);
        assertEquals(1, afterSet.getVersion());
        assertArrayEquals(bytes("two"), zk.getData("/n", false, null));
        assertNotNull(zk.exists("/n", false));

        zk.delete("/n", 1);
        assertNull(zk.exists("/n", false));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getData("/n", false, null));
    }

    @Test
    void emptyAndNullDataReadBackAsStored() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/empty", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/null", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

        assertEquals(0, zk.exists("/empty", false).getDataLength());
        assertEquals(0, zk.exists("/null", false).getDataLength());
        byte[] empty = zk.getData("/empty", false, null);
        assertTrue(empty == null || empty.length == 0);
    }

    @Test
    void getAclAndSetAcl() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/n", "x");
        Stat stat = new Stat();
        assertEquals(Ids.OPEN_ACL_UNSAFE, zk.getACL("/n", stat));
        assertEquals(0, stat.getAversion());

        List<ACL> readOnly = Arrays.asList(new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.ADMIN, Ids.ANYONE_ID_UNSAFE));
        Stat afterSet = zk.setACL("/n", readOnly, 0);
        assertEquals(1, afterSet.getAversion());
        assertEquals(readOnly, zk.getACL("/n", new Stat()));
        assertThrows(KeeperException.BadVersionException.class, () -> zk.setACL("/n", readOnly, 0));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.setData("/n", bytes("y"), -1));
    }

    @Test
    void getChildrenAndGetChildren2() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/p", "");
        create(zk, "/p/b", "");
        create(zk, "/p/a", "");
        create(zk, "/p/a/deep", "");

        assertEquals(Set.of("a", "b"), Set.copyOf(zk.getChildren("/p", false)));
        Stat stat = new Stat();
        List<String> children = zk.getChildren("/p", false, stat);
        assertEquals(Set.of("a", "b"), Set.copyOf(children));
        assertEquals(2, stat.getNumChildren());
        assertEquals(2, stat.getCversion());
        assertEquals(List.of(), zk.getChildren("/p/b", false));
    }

    @Test
    void getAllChildrenNumberCountsEveryDescendant() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/p", "");
        create(zk, "/p/a", "");
        create(zk, "/p/a/x", "");
        create(zk, "/p/a/x/y", "");
        create(zk, "/p/b", "");

        assertEquals(4, zk.getAllChildrenNumber("/p"));
        assertEquals(2, zk.getAllChildrenNumber("/p/a"));
        assertEquals(0, zk.getAllChildrenNumber("/p/b"));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getAllChildrenNumber("/missing"));
    }

    @Test
    void getEphemeralsListsOnlyThisSessionsNodes() throws Exception {
        ZooKeeper zk = connect();
        ZooKeeper other = connect();
        create(zk, "/app", "");
        create(zk, "/app/one", "", CreateMode.EPHEMERAL);
        create(zk, "/app/two", "", CreateMode.EPHEMERAL);
        create(zk, "/else", "", CreateMode.EPHEMERAL);
        create(other, "/app/theirs", "", CreateMode.EPHEMERAL);

        assertEquals(Set.of("/app/one", "/app/two", "/else"), Set.copyOf(zk.getEphemerals()));
        assertEquals(Set.of("/app/one", "/app/two"), Set.copyOf(zk.getEphemerals("/app")));
        assertEquals(Set.of("/app/one"), Set.copyOf(zk.getEphemerals("/app/o")));
        assertEquals(List.of(), zk.getEphemerals("/nothing"));
        assertEquals(List.of("/app/theirs"), other.getEphemerals());
    }

    @Test
    void syncAnswersWithThePath() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/s", "");
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger rc = new AtomicInteger(-1);
        AtomicReference<String> path = new AtomicReference<>();
        zk.sync("/s", (code, p, ctx) -> {
            rc.set(code);
            path.set(p);
            done.countDown();
        }, null);

        assertTrue(Timing.latch(done, EventRecorder.WAIT));
        assertEquals(0, rc.get());
        assertEquals("/s", path.get());
        zk.sync("/s");
    }

    @Test
    void addAuthInfoDigestMakesTheCreator() throws Exception {
        ZooKeeper zk = connect();
        zk.addAuthInfo("digest", bytes("alice:secret"));
        zk.create("/mine", bytes("x"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);

        List<ACL> acl = zk.getACL("/mine", new Stat());
        Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:secret"));
        assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, alice)), acl);
        assertArrayEquals(bytes("x"), zk.getData("/mine", false, null));

        ZooKeeper stranger = connect();
        assertThrows(KeeperException.NoAuthException.class, () -> stranger.getData("/mine", false, null));
    }

    @Test
    void whoAmIReportsIpThenDigest() throws Exception {
        ZooKeeper zk = connect();
        assertEquals(List.of(new ClientInfo("ip", "127.0.0.1")), zk.whoAmI());

        zk.addAuthInfo("digest", bytes("bob:pw"));
        List<ClientInfo> who = new ArrayList<>(zk.whoAmI());
        assertTrue(who.contains(new ClientInfo("ip", "127.0.0.1")), who.toString());
        assertTrue(who.contains(new ClientInfo("digest", "bob")), who.toString());
        assertEquals(2, who.size());
    }

    @Test
    void multiCommitsEveryOpAndAnswersPerOp() throws Exception {
        ZooKeeper zk = connect();
        List<OpResult> results = zk.multi(List.of(
                Op.create("/m", bytes("a"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/m/c", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.setData("/m", bytes("b"), 0),
                Op.check("/m", 1),
                Op.delete("/m/c", 0)));

        assertEquals(5, results.size());
        assertEquals("/m", assertInstanceOf(OpResult.CreateResult.class, results.get(0)).getPath());
        assertEquals("/m/c", assertInstanceOf(OpResult.CreateResult.class, results.get(1)).getPath());
        assertEquals(1, assertInstanceOf(OpResult.SetDataResult.class, results.get(2)).getStat().getVersion());
        assertInstanceOf(OpResult.CheckResult.class, results.get(3));
        assertInstanceOf(OpResult.DeleteResult.class, results.get(4));
        assertArrayEquals(bytes("b"), zk.getData("/m", false, null));
        assertNull(zk.exists("/m/c", false));
    }

    @Test
    void multiRollsBackAndReportsEachOpsError() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/kept", "v");
        KeeperException failure = assertThrows(KeeperException.class, () -> zk.multi(List.of(
                Op.create("/r1", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.setData("/kept", bytes("changed"), -1),
                Op.check("/kept", 7),
                Op.create("/r2", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))));

        assertEquals(KeeperException.Code.BADVERSION, failure.code());
        List<OpResult> results = failure.getResults();
        assertEquals(4, results.size());
        int[] codes = results.stream()
                .mapToInt(r -> assertInstanceOf(OpResult.ErrorResult.class, r).getErr())
                .toArray();
        assertArrayEquals(new int[] {
            KeeperException.Code.OK.intValue(),
            KeeperException.Code.OK.intValue(),
            KeeperException.Code.BADVERSION.intValue(),
            KeeperException.Code.RUNTIMEINCONSISTENCY.intValue()}, codes);
        assertNull(zk.exists("/r1", false));
        assertNull(zk.exists("/r2", false));
        assertArrayEquals(bytes("v"), zk.getData("/kept", false, null));
        assertEquals(0, zk.exists("/kept", false).getVersion());
    }

    @Test
    void multiReadReturnsDataAndChildren() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/m", "data");
        create(zk, "/m/x", "");

        List<OpResult> results = zk.multi(List.of(Op.getData("/m"), Op.getChildren("/m")));

        OpResult.GetDataResult data = assertInstanceOf(OpResult.GetDataResult.class, results.get(0));
        assertArrayEquals(bytes("data"), data.getData());
        assertEquals(1, data.getStat().getNumChildren());
        assertEquals(List.of("x"), assertInstanceOf(OpResult.GetChildrenResult.class, results.get(1)).getChildren());
    }

    @Test
    void multiReadReportsAMissingNodeInItsSlot() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/m", "data");

        List<OpResult> results = zk.multi(List.of(Op.getData("/missing"), Op.getData("/m")));

        assertEquals(KeeperException.Code.NONODE.intValue(),
                assertInstanceOf(OpResult.ErrorResult.class, results.get(0)).getErr());
        assertArrayEquals(bytes("data"),
                assertInstanceOf(OpResult.GetDataResult.class, results.get(1)).getData());
    }

    @Test
    void closeSessionRemovesEphemeralsAndFiresWatches() throws Exception {
        ZooKeeper owner = connect();
        EventRecorder watcher = new EventRecorder();
        ZooKeeper observer = connect(watcher);
        create(owner, "/eph", "", CreateMode.EPHEMERAL);
        assertNotNull(observer.exists("/eph", true));

        owner.close();

        assertEquals(org.apache.zookeeper.Watcher.Event.EventType.NodeDeleted, watcher.next().getType());
        assertNull(observer.exists("/eph", false));
    }
}
