package io.paddock.server.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/** The reference server starts on an ephemeral loopback port with the options asked for. */
class ZooKeeperReferenceTest {

    @Test
    void startsOnALoopbackPortAndServesClients() throws Exception {
        try (ZooKeeperReference zk = ZooKeeperReference.builder().tickTime(100)
                .maxSessionTimeout(3000).start()) {
            assertTrue(zk.port() > 0);
            assertEquals("127.0.0.1:" + zk.port(), zk.connectString());
            ZooKeeper client = connect(zk);
            try {
                client.create("/a", "x".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), client.getData("/a", false, null));
                assertEquals(3000, client.getSessionTimeout(), "4 s asked, bounded by the maximum");
            } finally {
                client.close();
            }
            assertEquals("imok", fourLetterWord(zk, "ruok"));
        }
    }

    @Test
    void ttlNodesNeedExtendedTypes() throws Exception {
        try (ZooKeeperReference plain = ZooKeeperReference.start()) {
            ZooKeeper client = connect(plain);
            try {
                assertThrows(KeeperException.class, () -> createTtl(client));
            } finally {
                client.close();
            }
        }
        try (ZooKeeperReference extended = ZooKeeperReference.builder().extendedTypes(true).start()) {
            ZooKeeper client = connect(extended);
            try {
                createTtl(client);
            } finally {
                client.close();
            }
        }
        assertEquals(null, System.getProperty("zookeeper.extendedTypesEnabled"), "put back on close");
    }

    @Test
    void theFourLetterWhitelistCannotChangeWithinAJvm() {
        ZooKeeperReference.start().close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ZooKeeperReference.builder().fourLetterWords("ruok").start());
        assertTrue(e.getMessage().contains("once per JVM"), e.getMessage());
    }

    private static void createTtl(ZooKeeper client) throws Exception {
        client.create("/ttl", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL,
                new Stat(), 60_000);
    }

    private static ZooKeeper connect(ZooKeeperReference zk) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(zk.connectString(), 4000, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected, Duration.ofSeconds(10)), "connected");
        return client;
    }

    private static String fourLetterWord(ZooKeeperReference zk, String word) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", zk.port())) {
            socket.setSoTimeout((int) Timing.waitTime().toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
