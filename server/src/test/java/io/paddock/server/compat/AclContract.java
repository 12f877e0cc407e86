package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;

/** The world, auth, digest, ip and super schemes as the client sees them. */
abstract class AclContract extends CompatTestBase {
    static final String SUPER_PASSWORD = "super:root-secret";

    @Override
    protected ServerSettings settings() {
        try {
            return ServerSettings.defaults()
                    .withSuperDigest(DigestAuthenticationProvider.generateDigest(SUPER_PASSWORD));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ACL> acl(int perms, String scheme, String id) {
        return Arrays.asList(new ACL(perms, new Id(scheme, id)));
    }

    @Test
    void worldAnyoneMayDoAnything() throws Exception {
        ZooKeeper creator = connect();
        ZooKeeper other = connect();
        creator.create("/w", bytes("x"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

        other.setData("/w", bytes("y"), -1);
        other.create("/w/c", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        other.delete("/w/c", -1);
        other.delete("/w", -1);
        assertNull(creator.exists("/w", false));
    }

    @Test
    void authSchemeGrantsTheCreatorsIdentities() throws Exception {
        ZooKeeper alice = connect();
        alice.addAuthInfo("digest", bytes("alice:pw"));
        alice.create("/a", bytes("x"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);

        ZooKeeper aliceAgain = connect();
        aliceAgain.addAuthInfo("digest", bytes("alice:pw"));
        aliceAgain.setData("/a", bytes("y"), -1);

        ZooKeeper mallory = connect();
        mallory.addAuthInfo("digest", bytes("alice:wrong"));
        assertThrows(KeeperException.NoAuthException.class, () -> mallory.getData("/a", false, null));
        ZooKeeper anonymous = connect();
        assertThrows(KeeperException.NoAuthException.class, () -> anonymous.getData("/a", false, null));
    }

    @Test
    void digestSchemeChecksEachPermission() throws Exception {
        ZooKeeper creator = connect();
        String bobDigest = DigestAuthenticationProvider.generateDigest("bob:pw");
        creator.create("/d", bytes("x"), acl(Perms.READ, "digest", bobDigest), CreateMode.PERSISTENT);

        ZooKeeper bob = connect();
        bob.addAuthInfo("digest", bytes("bob:pw"));
        assertArrayEquals(bytes("x"), bob.getData("/d", false, null));
        assertThrows(KeeperException.NoAuthException.class, () -> bob.setData("/d", bytes("y"), -1));
        assertThrows(KeeperException.NoAuthException.class,
                () -> bob.create("/d/c", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertThrows(KeeperException.NoAuthException.class, () -> creator.getData("/d", false, null));
    }

    @Test
    void ipSchemeMatchesAddressesAndRanges() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/mine", bytes("x"), acl(Perms.ALL, "ip", "127.0.0.1"), CreateMode.PERSISTENT);
        zk.create("/range", bytes("x"), acl(Perms.ALL, "ip", "127.0.0.0/8"), CreateMode.PERSISTENT);
        zk.create("/theirs", bytes("x"), acl(Perms.ALL, "ip", "10.0.0.0/8"), CreateMode.PERSISTENT);

        assertArrayEquals(bytes("x"), zk.getData("/mine", false, null));
        zk.setData("/range", bytes("y"), -1);
        assertThrows(KeeperException.NoAuthException.class, () -> zk.getData("/theirs", false, null));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.setData("/theirs", bytes("y"), -1));
    }

    @Test
    void superDigestBypassesEveryAcl() throws Exception {
        assumeTrue(server.honoursSuperDigest(), "the reference server takes its super digest once per JVM");
        ZooKeeper zk = connect();
        zk.create("/locked", bytes("x"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/locked/c", bytes("c"), acl(0, "ip", "10.0.0.0/8"), CreateMode.PERSISTENT);
        zk.setACL("/locked", acl(Perms.ALL, "ip", "10.0.0.0/8"), -1);
        assertThrows(KeeperException.NoAuthException.class, () -> zk.getData("/locked", false, null));

        ZooKeeper root = connect();
        root.addAuthInfo("digest", bytes(SUPER_PASSWORD));
        assertArrayEquals(bytes("c"), root.getData("/locked/c", false, null));
        root.setData("/locked", bytes("y"), -1);
        root.delete("/locked/c", -1);
        root.delete("/locked", -1);
        assertNull(zk.exists("/locked", false));

        ZooKeeper wrongSuper = connect();
        wrongSuper.addAuthInfo("digest", bytes("super:not-it"));
        zk.create("/locked2", bytes("x"), acl(Perms.ALL, "ip", "10.0.0.0/8"), CreateMode.PERSISTENT);
        assertThrows(KeeperException.NoAuthException.class, () -> wrongSuper.getData("/locked2", false, null));
    }
}
