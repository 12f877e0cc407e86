package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/** What each kind of change does to a znode's Stat, and how sequential names count. */
abstract class StatContract extends CompatTestBase {

    @Test
    void freshNodeStat() throws Exception {
        ZooKeeper zk = connect();
        Stat stat = new Stat();
        zk.create("/n", bytes("12345"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);

        assertTrue(stat.getCzxid() > 0);
        assertEquals(stat.getCzxid(), stat.getMzxid());
        assertEquals(stat.getCzxid(), stat.getPzxid());
        assertEquals(stat.getCtime(), stat.getMtime());
        assertTrue(stat.getCtime() > 0);
        assertEquals(0, stat.getVersion());
        assertEquals(0, stat.getCversion());
        assertEquals(0, stat.getAversion());
        assertEquals(0, stat.getEphemeralOwner());
        assertEquals(5, stat.getDataLength());
        assertEquals(0, stat.getNumChildren());
    }

    @Test
    void setDataMovesMzxidAndVersionOnly() throws Exception {
        ZooKeeper zk = connect();
        Stat created = new Stat();
        zk.create("/n", bytes("a"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, created);

        Stat set = zk.setData("/n", bytes("abcd"), 0);

        assertTrue(set.getMzxid() > created.getMzxid());
        assertEquals(created.getCzxid(), set.getCzxid());
        assertEquals(created.getPzxid(), set.getPzxid());
        assertEquals(1, set.getVersion());
        assertEquals(0, set.getCversion());
        assertEquals(0, set.getAversion());
        assertEquals(4, set.getDataLength());
        assertEquals(created.getCtime(), set.getCtime());
        assertTrue(set.getMtime() >= created.getMtime());
        assertEquals(set, zk.exists("/n", false));
    }

    @Test
    void childChangesMovePzxidCversionAndNumChildren() throws Exception {
        ZooKeeper zk = connect();
        Stat parent = new Stat();
        zk.create("/p", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, parent);
        Stat child = new Stat();
        zk.create("/p/c", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, child);

        Stat afterCreate = zk.exists("/p", false);
        assertEquals(child.getCzxid(), afterCreate.getPzxid());
        assertEquals(1, afterCreate.getCversion());
        assertEquals(1, afterCreate.getNumChildren());
        assertEquals(parent.getMzxid(), afterCreate.getMzxid(), "a child does not modify the parent's data");
        assertEquals(0, afterCreate.getVersion());

        zk.delete("/p/c", 0);
        Stat afterDelete = zk.exists("/p", false);
        assertTrue(afterDelete.getPzxid() > afterCreate.getPzxid());
        assertEquals(2, afterDelete.getCversion());
        assertEquals(0, afterDelete.getNumChildren());
        assertEquals(parent.getMzxid(), afterDelete.getMzxid());

        zk.setData("/p", bytes("x"), -1);
        Stat marker = zk.exists("/p", false);
        assertTrue(marker.getMzxid() > afterDelete.getPzxid(), "the delete's zxid came before this set's");
    }

    @Test
    void setAclMovesAversionOnly() throws Exception {
        ZooKeeper zk = connect();
        Stat created = new Stat();
        zk.create("/n", bytes("a"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, created);

        Stat afterAcl = zk.setACL("/n", Arrays.asList(new ACL(ZooDefs.Perms.ALL, Ids.ANYONE_ID_UNSAFE)), 0);

        assertEquals(1, afterAcl.getAversion());
        assertEquals(0, afterAcl.getVersion());
        assertEquals(0, afterAcl.getCversion());
        assertEquals(created.getMzxid(), afterAcl.getMzxid());
        assertEquals(created.getPzxid(), afterAcl.getPzxid());
    }

    @Test
    void ephemeralOwnerIsTheSession() throws Exception {
        ZooKeeper zk = connect();
        Stat stat = new Stat();
        zk.create("/e", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL, stat);

        assertEquals(zk.getSessionId(), stat.getEphemeralOwner());
        assertTrue(stat.getEphemeralOwner() != 0);
    }

    @Test
    void sequentialNamesAreTenDigitsFromTheParentsCversion() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/q", "");

        assertEquals("/q/n-0000000000", create(zk, "/q/n-", "", CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals("/q/n-0000000001", create(zk, "/q/n-", "", CreateMode.EPHEMERAL_SEQUENTIAL));
        assertEquals("/q/n-0000000002", create(zk, "/q/n-", "", CreateMode.PERSISTENT_SEQUENTIAL));
        zk.delete("/q/n-0000000002", -1);
        zk.delete("/q/n-0000000001", -1);
        // The counter is the number of children ever created under the parent (ZooKeeper's
        // internal cversion): deletes do not advance it, though the reported cversion counts them.
        assertEquals("/q/n-0000000003", create(zk, "/q/n-", "", CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals(6, zk.exists("/q", false).getCversion(), "four creates and two deletes");
        create(zk, "/q/plain", "");
        assertEquals("/q/0000000005", create(zk, "/q/", "", CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals(4, zk.getChildren("/q", false).size());
    }

    @Test
    @FreshServer("the root's sequence numbers")
    void sequenceUnderTheRootCountsRootCreationsFromZero() throws Exception {
        ZooKeeper zk = connect();

        assertEquals("/first0000000000", create(zk, "/first", "", CreateMode.PERSISTENT_SEQUENTIAL));
        create(zk, "/plain", "");
        zk.delete("/plain", -1);
        assertEquals("/next0000000002", create(zk, "/next", "", CreateMode.PERSISTENT_SEQUENTIAL));
    }

    @Test
    void sequenceCountersArePerParent() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/a", "");
        create(zk, "/b", "");

        assertEquals("/a/x0000000000", create(zk, "/a/x", "", CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals("/a/x0000000001", create(zk, "/a/x", "", CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals("/b/x0000000000", create(zk, "/b/x", "", CreateMode.PERSISTENT_SEQUENTIAL));
    }
}
