package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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
                () -> zk.create("/d", bytes(""), List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", "nocolon"))),
                        CreateMode.PERSISTENT));
        assertThrows(KeeperException.InvalidACLException.class,
                () -> zk.create("/u", bytes(""), List.of(new ACL(ZooDefs.Perms.ALL, new Id("nosuchscheme", "x"))),
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
            for (String path : List.of("no-slash", "/a//b", "/trailing/", "/dot/./x")) {
                byte[] request = RawConnection.concat(
                        RawConnection.serialize(new RequestHeader(7, ZooDefs.OpCode.create)),
                        RawConnection.serialize(new CreateRequest(path, new byte[0], Ids.OPEN_ACL_UNSAFE, 0)));
                raw.writeFrame(request);
                ReplyHeader reply = RawConnection.replyHeader(raw.readFrame());
                assertEquals(7, reply.getXid());
                assertEquals(KeeperException.Code.BADARGUMENTS.intValue(), reply.getErr(), path);
            }
        }
        assertServerStillServes();
    }
}
