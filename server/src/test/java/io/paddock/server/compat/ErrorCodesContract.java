package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.junit.jupiter.api.Test;

/** Each error code a client can provoke, with the exception class the client maps it to. */
abstract class ErrorCodesContract extends CompatTestBase {

    @Test
    void noNode() throws Exception {
        ZooKeeper zk = connect();
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getData("/missing", false, null));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.setData("/missing", bytes(""), -1));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.delete("/missing", -1));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getChildren("/missing", false));
        assertThrows(KeeperException.NoNodeException.class, () -> create(zk, "/no/parent", ""));
    }

    @Test
    void nodeExists() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/n", "");
        KeeperException e = assertThrows(KeeperException.NodeExistsException.class, () -> create(zk, "/n", ""));
        assertEquals("/n", e.getPath());
    }

    @Test
    void badVersion() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/n", "");
        assertThrows(KeeperException.BadVersionException.class, () -> zk.setData("/n", bytes("x"), 3));
        assertThrows(KeeperException.BadVersionException.class, () -> zk.delete("/n", 1));
        zk.setData("/n", bytes("x"), 0);
        zk.delete("/n", 1);
    }

    @Test
    void notEmpty() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/p", "");
        create(zk, "/p/c", "");
        assertThrows(KeeperException.NotEmptyException.class, () -> zk.delete("/p", -1));
    }

    @Test
    void noChildrenForEphemerals() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/e", "", CreateMode.EPHEMERAL);
        assertThrows(KeeperException.NoChildrenForEphemeralsException.class, () -> create(zk, "/e/c", ""));
    }

    @Test
    void noAuth() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/ro", bytes("x"), Ids.READ_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertThrows(KeeperException.NoAuthException.class, () -> zk.setData("/ro", bytes("y"), -1));
        assertThrows(KeeperException.NoAuthException.class, () -> create(zk, "/ro/c", ""));
        assertThrows(KeeperException.NoAuthException.class,
                () -> zk.setACL("/ro", Ids.OPEN_ACL_UNSAFE, -1));
    }

    @Test
    void invalidAcl() throws Exception {
        ZooKeeper zk = connect();
        assertThrows(KeeperException.InvalidACLException.class,
                () -> zk.create("/c", bytes(""), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT));
        assertThrows(KeeperException.InvalidACLException.class,
                () -> zk.create("/d", bytes(""), Arrays.asList(new ACL(ZooDefs.Perms.ALL, new Id("digest", "nocolon"))),
                        CreateMode.PERSISTENT));
        assertThrows(KeeperException.InvalidACLException.class,
                () -> zk.create("/u", bytes(""), Arrays.asList(new ACL(ZooDefs.Perms.ALL, new Id("nosuchscheme", "x"))),
                        CreateMode.PERSISTENT));
        assertNull(zk.exists("/c", false));
    }

    @Test
    void badArgumentsForReservedPaths() throws Exception {
        ZooKeeper zk = connect();
        assertThrows(KeeperException.BadArgumentsException.class, () -> zk.delete("/", -1));
    }

    @Test
    void badArgumentsForAnInvalidPathOnTheWire() throws Exception {
        // The client refuses such paths itself, so they can only arrive by hand.
        try (RawConnection raw = track(RawConnection.open(server.port()))) {
            raw.handshake(SESSION_TIMEOUT);
            create(connect(), "/p", "");
            assertEquals(KeeperException.Code.BADARGUMENTS.intValue(), createOnTheWire(raw, "no-slash"));
            assertEquals(KeeperException.Code.BADARGUMENTS.intValue(), createOnTheWire(raw, "/p/"));
            assertEquals(KeeperException.Code.BADARGUMENTS.intValue(), createOnTheWire(raw, "/p/a\u0001b"));
            assertEquals(KeeperException.Code.BADARGUMENTS.intValue(), createOnTheWire(raw, "/p/."));
            // ZooKeeper looks for the parent ("/p/") first here, so either answer is faithful.
            int doubleSlash = createOnTheWire(raw, "/p//b");
            assertTrue(doubleSlash == KeeperException.Code.BADARGUMENTS.intValue()
                    || doubleSlash == KeeperException.Code.NONODE.intValue(), "got " + doubleSlash);
        }
        assertServerStillServes();
    }

    private static int createOnTheWire(RawConnection raw, String path) throws Exception {
        raw.writeFrame(RawConnection.concat(
                RawConnection.serialize(new RequestHeader(7, ZooDefs.OpCode.create)),
                RawConnection.serialize(new CreateRequest(path, new byte[0], Ids.OPEN_ACL_UNSAFE, 0))));
        ReplyHeader reply = RawConnection.replyHeader(raw.readFrame());
        assertEquals(7, reply.getXid());
        return reply.getErr();
    }
}
