package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.paddock.testing.Timing;
import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/** Containers and TTL nodes are reaped by the server once they are empty (and, for TTL, old). */
abstract class ContainerTtlContract extends CompatTestBase {
    private static final Duration REAPED_WITHIN = Duration.ofSeconds(10);

    @Override
    protected ServerSettings settings() {
        return ServerSettings.defaults().withContainerCheckIntervalMs(100);
    }

    @Test
    void containerIsReapedAfterItsLastChildGoes() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/c", "", CreateMode.CONTAINER);
        create(zk, "/never-used", "", CreateMode.CONTAINER);
        create(zk, "/c/a", "");
        create(zk, "/c/b", "");
        zk.delete("/c/a", -1);

        zk.delete("/c/b", -1);

        Timing.await(REAPED_WITHIN).until(() -> zk.exists("/c", false) == null);
        // ZooKeeper leaves a container that never had a child alone.
        assertNotNull(zk.exists("/never-used", false));
    }

    @Test
    void containerWithChildrenStays() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/full", "", CreateMode.CONTAINER);
        create(zk, "/full/kid", "");
        create(zk, "/empty", "", CreateMode.CONTAINER);
        create(zk, "/empty/kid", "");
        zk.delete("/empty/kid", -1);

        Timing.await(REAPED_WITHIN).until(() -> zk.exists("/empty", false) == null);
        assertNotNull(zk.exists("/full/kid", false));
    }

    @Test
    void ttlNodeIsReapedAfterItsTtlWhenChildless() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/t", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 200);
        zk.create("/parent", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 200);
        create(zk, "/parent/kid", "");
        String sequential = zk.create("/s-", bytes(""), Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, new Stat(), 200);

        Timing.await(REAPED_WITHIN).until(() -> zk.exists("/t", false) == null
                && zk.exists(sequential, false) == null);
        assertNotNull(zk.exists("/parent", false), "a TTL node with children stays");
    }
}
