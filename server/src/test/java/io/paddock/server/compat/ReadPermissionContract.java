package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.SetWatches;
import org.apache.zookeeper.proto.WatcherEvent;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;

/**
 * Which permission each read-type op needs, as ZooKeeper 3.9.5's FinalRequestProcessor checks
 * it: READ for exists (of a node that is there), getData, getChildren, getChildren2,
 * getAllChildrenNumber and the reads of a multiRead; READ or ADMIN for getACL (hashes masked
 * without ADMIN); nothing for getEphemerals, addWatch and setWatches, whose events are
 * screened by READ when a change fires them but not when setWatches replays a missed one.
 */
abstract class ReadPermissionContract extends CompatTestBase {
    /** Everything but READ for everyone: the test's own session can still open it up again. */
    private static final List<ACL> UNREADABLE = acl(Perms.ALL & ~Perms.READ, "world", "anyone");

    private static List<ACL> acl(int perms, String scheme, String id) {
        return Arrays.asList(new ACL(perms, new Id(scheme, id)));
    }

    @Test
    void existsOfAnUnreadableNodeIsNoAuthAndSetsNoWatch() throws Exception {
        EventRecorder events = new EventRecorder();
        ZooKeeper zk = connect(events);
        zk.create("/secret", bytes("x"), UNREADABLE, CreateMode.PERSISTENT);

        assertThrows(KeeperException.NoAuthException.class, () -> zk.exists("/secret", false));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.exists("/secret", true));

        zk.setACL("/secret", Ids.OPEN_ACL_UNSAFE, -1);
        zk.setData("/secret", bytes("y"), -1);
        drainEvents(zk);
        assertEquals(List.of(), events.drain(), "a refused exists must not have set a watch");
        assertNotNull(zk.exists("/secret", false));
    }

    @Test
    void existsOfAMissingNodeUnderAnUnreadableParentAnswersNoNodeAndWatches() throws Exception {
        EventRecorder events = new EventRecorder();
        ZooKeeper zk = connect(events);
        zk.create("/closed", bytes("x"), UNREADABLE, CreateMode.PERSISTENT);

        assertNull(zk.exists("/closed/kid", true));
        create(zk, "/closed/kid", "k");
        WatchedEvent created = events.next();
        assertEquals(EventType.NodeCreated, created.getType());
        assertEquals("/closed/kid", created.getPath());
    }

    @Test
    void dataAndChildReadsNeedRead() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/secret", bytes("x"), UNREADABLE, CreateMode.PERSISTENT);
        create(zk, "/secret/kid", "k");

        assertThrows(KeeperException.NoAuthException.class, () -> zk.getData("/secret", false, null));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.getData("/secret", true, null));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.getChildren("/secret", false));
        assertThrows(KeeperException.NoAuthException.class,
                () -> zk.getChildren("/secret", false, new Stat()));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.getAllChildrenNumber("/secret"));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getAllChildrenNumber("/nothing"));
        assertArrayEquals(bytes("k"), zk.getData("/secret/kid", false, null),
                "a readable child of an unreadable parent stays readable");
    }

    @Test
    void multiReadAnswersNoAuthPerOp() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/secret", bytes("x"), UNREADABLE, CreateMode.PERSISTENT);
        create(zk, "/open", "o");

        List<OpResult> results = zk.multi(Arrays.asList(
                Op.getData("/secret"), Op.getChildren("/secret"), Op.getData("/open")));
        assertEquals(KeeperException.Code.NOAUTH.intValue(), ((OpResult.ErrorResult) results.get(0)).getErr());
        assertEquals(KeeperException.Code.NOAUTH.intValue(), ((OpResult.ErrorResult) results.get(1)).getErr());
        assertArrayEquals(bytes("o"), ((OpResult.GetDataResult) results.get(2)).getData());
    }

    @Test
    void getAclNeedsReadOrAdminAndMasksHashesWithoutAdmin() throws Exception {
        ZooKeeper zk = connect();
        String bob = DigestAuthenticationProvider.generateDigest("bob:pw");
        ACL bobAll = new ACL(Perms.ALL, new Id("digest", bob));
        zk.create("/admin-only", bytes(""), Arrays.asList(bobAll,
                new ACL(Perms.ADMIN, Ids.ANYONE_ID_UNSAFE)), CreateMode.PERSISTENT);
        zk.create("/read-only", bytes(""), Arrays.asList(bobAll,
                new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE)), CreateMode.PERSISTENT);
        zk.create("/neither", bytes(""), Arrays.asList(bobAll,
                new ACL(Perms.WRITE, Ids.ANYONE_ID_UNSAFE)), CreateMode.PERSISTENT);

        assertEquals(bob, zk.getACL("/admin-only", new Stat()).get(0).getId().getId());
        assertEquals("bob:x", zk.getACL("/read-only", new Stat()).get(0).getId().getId());
        assertThrows(KeeperException.NoAuthException.class, () -> zk.getACL("/neither", new Stat()));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.exists("/neither", false));
    }

    @Test
    void getEphemeralsListsTheSessionsOwnNodesWhateverTheirAcl() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/mine", bytes(""), UNREADABLE, CreateMode.EPHEMERAL);

        assertEquals(List.of("/mine"), zk.getEphemerals());
        assertEquals(List.of("/mine"), zk.getEphemerals("/mi"));
    }

    @Test
    void addWatchOnAnUnreadableNodeIsAcceptedButOnlyReadableChangesArrive() throws Exception {
        EventRecorder events = new EventRecorder();
        ZooKeeper zk = connect();
        zk.create("/p", bytes("x"), UNREADABLE, CreateMode.PERSISTENT);

        zk.addWatch("/p", events, AddWatchMode.PERSISTENT_RECURSIVE);
        zk.setData("/p", bytes("y"), -1);
        create(zk, "/p/open", "o");

        WatchedEvent first = events.next();
        assertEquals(EventType.NodeCreated, first.getType(), "the change of /p must be screened out");
        assertEquals("/p/open", first.getPath());
    }

    @Test
    void setWatchesReplaysMissedEventsWithoutCheckingRead() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/r", bytes("x"), UNREADABLE, CreateMode.PERSISTENT);
        zk.setData("/r", bytes("y"), -1);

        try (WireSession wire = WireSession.open(server.port(), SESSION_TIMEOUT)) {
            wire.call(OpCode.setWatches, new SetWatches(0, List.of("/r"), List.of("/r"), List.of("/r")));
            wire.call(OpCode.exists, new ExistsRequest("/", false));
            List<WatcherEvent> replayed = wire.takeEvents();
            assertEquals(List.of(EventType.NodeDataChanged.getIntValue(),
                    EventType.NodeCreated.getIntValue(), EventType.NodeChildrenChanged.getIntValue()),
                    replayed.stream().map(WatcherEvent::getType).toList());
            assertTrue(replayed.stream().allMatch(e -> "/r".equals(e.getPath())));
        }
    }

    @Test
    void aWatchSetBySetWatchesIsScreenedWhenItFires() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/r", bytes("x"), UNREADABLE, CreateMode.PERSISTENT);

        try (WireSession wire = WireSession.open(server.port(), SESSION_TIMEOUT)) {
            long future = Long.MAX_VALUE / 2;
            wire.call(OpCode.setWatches, new SetWatches(future, List.of("/r"), List.of(), List.of()));
            zk.setData("/r", bytes("y"), -1);
            zk.setACL("/r", Ids.OPEN_ACL_UNSAFE, -1);
            zk.setData("/r", bytes("z"), -1);
            wire.call(OpCode.exists, new ExistsRequest("/", false));
            assertEquals(List.of(), wire.takeEvents(),
                    "the first change is unreadable, and it used up the one-shot watch");
        }
    }
}
