package io.paddock.server.ensemble.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.ProcessEnsemble;
import io.paddock.storage.log.LogRecordCodec;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 with real processes and the official client: a leader logs a proposal no follower
 * receives, dies, and the survivors move on in a new epoch; when it comes back it must drop that
 * proposal by TRUNC (not keep it, not need a SNAP), serve the survivors' history, and stay
 * truncated across another kill -9.
 *
 * <p>The followers are paused (SIGSTOP) while the leader proposes, so the leader keeps leading
 * and logs the write; they are then killed while still paused rather than resumed, because a
 * resumed follower would first read the PROPOSE already sitting in its socket buffer, log it,
 * and carry the write into the new epoch (legal, since it was never acknowledged, but then there
 * is nothing to truncate).
 */
class TruncProcessTest {
    private static final Duration FAILOVER = Duration.ofSeconds(30);
    private static final String UNCOMMITTED = "/uncommitted";

    @Test
    void aRestartedLeaderDropsItsUncommittedProposalByTruncAndStaysTruncated() throws Exception {
        try (ProcessEnsemble ensemble = ProcessEnsemble.start("trunc", 3, 0, 250)) {
            long old = ensemble.awaitLeader();
            long[] followers = ensemble.ids().stream().filter(id -> id != old)
                    .mapToLong(Long::longValue).toArray();
            Map<String, String> acked = new TreeMap<>();

            long uncommittedZxid = proposeWithoutQuorumAndKill(ensemble, old, followers, acked);

            for (long f : followers) {
                ensemble.start(f);
            }
            ensemble.awaitServing(Set.of(followers[0], followers[1]));
            long leader = ensemble.awaitLeader();
            assertNotEquals(old, leader);
            try (ZooKeeper zk = ZkClients.connect(ensemble.connectString(leader))) {
                ZkClients.sync(zk, "/");
                assertNull(zk.exists(UNCOMMITTED, false), "the unacknowledged write survived");
                for (int i = 0; i < 5; i++) {
                    String path = "/after-" + i;
                    Stat stat = create(zk, path, "new epoch " + i);
                    assertTrue(stat.getCzxid() >>> 32 > uncommittedZxid >>> 32,
                            "written in a later epoch: " + Long.toHexString(stat.getCzxid()));
                    acked.put(path, "new epoch " + i);
                }
                zk.setData("/committed", bytes("changed"), -1);
                acked.put("/committed", "changed");
            }

            ensemble.start(old);
            ensemble.awaitServing(ensemble.ids());
            assertEquals(leader, ensemble.awaitLeader());
            String truncLine = "server " + old + ": TRUNC: log truncated after 0x"
                    + Long.toHexString(uncommittedZxid - 1);
            Timing.await(FAILOVER).until(() -> count(ensemble.log(old), truncLine) == 1);
            assertEquals(1, count(ensemble.log(old), ": TRUNC: "), "exactly one TRUNC");
            assertConsistent(ensemble, acked);
            assertFalse(loggedZxid(ensemble.dataDir(old), UNCOMMITTED).isPresent(),
                    "the truncated proposal is still in server " + old + "'s log");

            // The truncation is durable: another kill -9 and restart brings back the same tree,
            // catching up on what was written meanwhile without a second TRUNC.
            ensemble.kill(old);
            try (ZooKeeper zk = ZkClients.connect(ensemble.connectString(leader))) {
                create(zk, "/while-down", "again");
                acked.put("/while-down", "again");
            }
            ensemble.start(old);
            ensemble.awaitServing(ensemble.ids());
            assertConsistent(ensemble, acked);
            assertEquals(1, count(ensemble.log(old), ": TRUNC: "), "exactly one TRUNC");
            assertFalse(loggedZxid(ensemble.dataDir(old), UNCOMMITTED).isPresent());
        }
    }

    /**
     * Writes a committed baseline, pauses both followers, sends {@link #UNCOMMITTED} through the
     * leader and, once the leader's log holds it, kills all three; returns the write's zxid.
     */
    private static long proposeWithoutQuorumAndKill(ProcessEnsemble ensemble, long old,
            long[] followers, Map<String, String> acked) throws Exception {
        try (ZooKeeper zk = ZkClients.connect(ensemble.connectString(old))) {
            create(zk, "/committed", "everywhere");
            acked.put("/committed", "everywhere");
            for (long f : followers) {
                try (ZooKeeper reader = ZkClients.connect(ensemble.connectString(f))) {
                    Timing.await(FAILOVER).until(() -> reader.exists("/committed", false) != null);
                }
            }
            Stat last = create(zk, "/before-pause", "quorum");
            acked.put("/before-pause", "quorum");

            ensemble.pause(followers[0]);
            ensemble.pause(followers[1]);
            CompletableFuture<Integer> result = new CompletableFuture<>();
            zk.create(UNCOMMITTED, bytes("never acknowledged"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT, (rc, path, ctx, name) -> result.complete(rc), null);
            long[] zxid = new long[1];
            Timing.await(FAILOVER).until(() -> {
                OptionalLong logged = loggedZxid(ensemble.dataDir(old), UNCOMMITTED);
                logged.ifPresent(z -> zxid[0] = z);
                return logged.isPresent();
            });
            assertEquals(last.getCzxid() + 1, zxid[0], "the proposal follows the last commit");
            assertFalse(result.isDone(), "answered without a quorum: " + result.getNow(null));

            ensemble.kill(old);
            int rc = Timing.get(result, FAILOVER);
            assertEquals(KeeperException.Code.CONNECTIONLOSS.intValue(), rc,
                    "the write without a quorum must fail, not succeed");
            ensemble.kill(followers[0]);
            ensemble.kill(followers[1]);
            return zxid[0];
        }
    }

    /** Every server holds the same tree (data and stats), and it has every acknowledged write. */
    private static void assertConsistent(ProcessEnsemble ensemble, Map<String, String> acked)
            throws Exception {
        Map<String, String> reference = null;
        for (long id : ensemble.ids()) {
            try (ZooKeeper zk = ZkClients.connect(ensemble.connectString(id))) {
                Timing.await(FAILOVER).ignoreExceptions().until(() -> {
                    ZkClients.sync(zk, "/");
                    return true;
                });
                Map<String, String> tree = new TreeMap<>();
                walk(zk, "/", tree);
                assertFalse(tree.containsKey(UNCOMMITTED), "server " + id + " has " + UNCOMMITTED);
                for (Map.Entry<String, String> e : acked.entrySet()) {
                    String got = tree.get(e.getKey());
                    assertTrue(got != null && got.startsWith(e.getValue() + " "),
                            "server " + id + ": " + e.getKey() + " is " + got + ", acknowledged "
                                    + e.getValue());
                }
                if (reference == null) {
                    reference = tree;
                } else {
                    assertEquals(reference, tree, "server " + id + " differs");
                }
            }
        }
    }

    /** path -> "data czxid mzxid version" for every node but /zookeeper's. */
    private static void walk(ZooKeeper zk, String path, Map<String, String> tree) throws Exception {
        for (String child : zk.getChildren(path, false)) {
            String p = path.equals("/") ? "/" + child : path + "/" + child;
            if (p.equals("/zookeeper")) {
                continue;
            }
            Stat stat = new Stat();
            byte[] data = zk.getData(p, false, stat);
            tree.put(p, new String(data == null ? new byte[0] : data, StandardCharsets.UTF_8)
                    + " " + Long.toHexString(stat.getCzxid()) + " " + Long.toHexString(stat.getMzxid())
                    + " " + stat.getVersion());
            walk(zk, p, tree);
        }
    }

    /**
     * The zxid of a whole, checksummed record in the txn log segments under {@code dataDir}
     * whose payload holds {@code path}: written there, so a kill -9 cannot take it back.
     */
    private static OptionalLong loggedZxid(Path dataDir, String path) throws IOException {
        byte[] needle = path.getBytes(StandardCharsets.UTF_8);
        List<Path> segments = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.filter(f -> f.getFileName().toString().startsWith(LogRecordCodec.SEGMENT_PREFIX))
                    .forEach(segments::add);
        }
        for (Path segment : segments) {
            ByteBuffer buf;
            try {
                buf = ByteBuffer.wrap(Files.readAllBytes(segment));
            } catch (IOException gone) {
                continue; // removed by a truncation or a purge meanwhile
            }
            int offset = LogRecordCodec.SEGMENT_HEADER_SIZE;
            while (offset < buf.limit()) {
                LogRecordCodec.Decoded d = LogRecordCodec.decode(buf, offset);
                if (d.status() != LogRecordCodec.Status.VALID) {
                    break;
                }
                if (indexOf(d.txn().bytes(), needle) >= 0) {
                    return OptionalLong.of(d.txn().zxid());
                }
                offset = d.next();
            }
        }
        return OptionalLong.empty();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long count(Path log, String text) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private static Stat create(ZooKeeper zk, String path, String data) throws Exception {
        Stat stat = new Stat();
        zk.create(path, bytes(data), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);
        return stat;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
