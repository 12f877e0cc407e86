package io.paddock.server.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under write load, with a real server process: every write a client saw acknowledged
 * survives, in order, and whatever unacknowledged write survives has no gap before it.
 *
 * <p>A few rounds by default; {@code mvn -Pcrash} runs many (the profile sets
 * {@code paddock.crash.rounds}).
 */
class CrashRecoveryTest {
    private static final int WRITERS = 4;

    @TempDir
    Path work;

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        int rounds = Integer.getInteger("paddock.crash.rounds", 2);
        long seed = Long.getLong("paddock.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path dataDir = work.resolve("data");
        Files.createDirectories(dataDir);
        int port = freePort();
        List<List<Integer>> acked = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            acked.add(Collections.synchronizedList(new ArrayList<>()));
        }
        for (int round = 0; round < rounds; round++) {
            String where = "seed " + seed + ", round " + round;
            Process server = startServer(port, dataDir, round);
            try {
                awaitListening(port);
                check(port, acked, where);
                writeUntilKilled(port, acked, server, 150 + random.nextInt(600));
            } finally {
                Timing.waitFor(server.destroyForcibly(), Duration.ofSeconds(10));
            }
        }
        Process server = startServer(port, dataDir, rounds);
        try {
            awaitListening(port);
            check(port, acked, "seed " + seed + ", final");
        } finally {
            Timing.waitFor(server.destroyForcibly(), Duration.ofSeconds(10));
        }
        int total = acked.stream().mapToInt(List::size).sum();
        assertTrue(total > 0, "some writes were acknowledged");
    }

    private Process startServer(int port, Path dataDir, int round) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.paddock.server.Main", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(work.resolve("server-" + round + ".log").toFile());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) {
        Timing.await(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }

    private static ZooKeeper connect(int port) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, 4_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected, Duration.ofSeconds(15)), "connected");
        return zk;
    }

    private static byte[] payload(int writer, int seq) {
        return ("w" + writer + "-" + seq).getBytes(StandardCharsets.UTF_8);
    }

    /** Each writer creates sequential nodes under its own parent until the server dies. */
    private static void writeUntilKilled(int port, List<List<Integer>> acked, Process server,
            long killAfterMs) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        List<ZooKeeper> clients = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            ZooKeeper zk = connect(port);
            clients.add(zk);
            int writer = w;
            writers.add(new Thread(() -> write(zk, writer, acked.get(writer), stop), "writer-" + w));
        }
        writers.forEach(Thread::start);
        // Let the load run for a random while: the kill must land mid-stream, not at a rest.
        Timing.await(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(killAfterMs))
                .until(() -> true);
        server.destroyForcibly();
        Timing.waitFor(server, Duration.ofSeconds(10));
        stop.set(true);
        for (Thread t : writers) {
            Timing.join(t, Duration.ofSeconds(30));
        }
        for (ZooKeeper zk : clients) {
            zk.close(100);
        }
    }

    private static void write(ZooKeeper zk, int writer, List<Integer> acked, AtomicBoolean stop) {
        String parent = "/crash-" + writer;
        try {
            zk.create(parent, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            // made in an earlier round
        } catch (Exception e) {
            return;
        }
        int next = acked.isEmpty() ? 0 : acked.get(acked.size() - 1) + 1;
        while (!stop.get()) {
            try {
                String path = zk.create(parent + "/n-", payload(writer, next),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                acked.add(Integer.parseInt(path.substring(path.length() - 10)));
                next++;
            } catch (Exception e) {
                return; // the server is gone; what was acknowledged is recorded
            }
        }
    }

    /** Every acknowledged node is there, and the sequence numbers present have no gap. */
    private static void check(int port, List<List<Integer>> acked, String where) throws Exception {
        ZooKeeper zk = connect(port);
        try {
            for (int w = 0; w < WRITERS; w++) {
                String parent = "/crash-" + w;
                List<Integer> present = new ArrayList<>();
                if (zk.exists(parent, false) != null) {
                    for (String child : zk.getChildren(parent, false)) {
                        present.add(Integer.parseInt(child.substring(child.length() - 10)));
                    }
                }
                Collections.sort(present);
                for (int i = 0; i < present.size(); i++) {
                    assertEquals(i, present.get(i), where + ": no gap under " + parent);
                }
                List<Integer> mine = acked.get(w);
                for (int i = 0; i < mine.size(); i++) {
                    assertEquals(i, mine.get(i), where + ": acknowledged in order");
                    assertTrue(i < present.size(), where + ": acknowledged " + parent + " #" + i
                            + " is missing; present " + present.size());
                }
                for (int seq : present) {
                    String path = String.format("%s/n-%010d", parent, seq);
                    // A write that landed but whose ack was lost is re-numbered by the next
                    // round's writer, so only acknowledged ones have a known payload.
                    if (seq < mine.size()) {
                        assertArrayEquals(payload(w, seq), zk.getData(path, false, null), where);
                    }
                }
                // Sequence numbers present but unacknowledged count as written from here on.
                while (mine.size() < present.size()) {
                    mine.add(mine.size());
                }
            }
        } finally {
            zk.close();
        }
    }
}
