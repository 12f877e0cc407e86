package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.config.ServerConfig;
import io.paddock.server.testing.FailingTxnLog;
import io.paddock.testing.Timing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code Main} tells an operator, and the exit status it returns. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void aFatalStorageErrorEndsMainWithStatusOneAndOneLineOnStderr() throws Exception {
        Path cfg = dir.resolve("zoo.cfg");
        Files.write(cfg, List.of("clientPortAddress=127.0.0.1", "clientPort=0",
                "dataDir=" + dir.resolve("data"), "jmx.enabled=false",
                "admin.enableServer=false", "prometheus.enabled=false"));
        AtomicReference<PaddockServer> started = new AtomicReference<>();
        AtomicReference<FailingTxnLog> failing = new AtomicReference<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return Main.run(new String[] {cfg.toString()},
                        new PrintStream(err, true, StandardCharsets.UTF_8), config -> {
                            PaddockServer s = new PaddockServer(config, ServerHooks.NONE
                                    .withTxnLog(log -> {
                                        failing.set(new FailingTxnLog(log, config.txnLogDir()));
                                        return failing.get();
                                    }));
                            started.set(s);
                            return s;
                        });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        io.paddock.testing.Timing.await().until(() -> started.get() != null
                && started.get().address() != null);

        ZooKeeper zk = FailStopTest.connect("127.0.0.1:" + started.get().address().getPort());
        try {
            failing.get().breakNow();
            assertThrows(KeeperException.ConnectionLossException.class, () -> zk.create("/x",
                    new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        } finally {
            zk.close();
        }

        assertEquals(Main.FATAL, status.get(20, TimeUnit.SECONDS));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length, err.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].startsWith("paddock: fatal: persist stage failed at zxid 0x"), lines[0]);
        assertTrue(lines[0].contains(failing.get().failureMessage()), lines[0]);
    }

    @Test
    void aBadConfigValueIsStatusTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path cfg = dir.resolve("zoo.cfg");
        Files.write(cfg, List.of("pipeline.ringSize=1000"));
        assertEquals(Main.BAD_USAGE, Main.run(new String[] {cfg.toString()},
                new PrintStream(err, true, StandardCharsets.UTF_8), PaddockServer::new));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("pipeline.ringSize=1000 is invalid: must be a power of two"), text);
    }
    @Test
    void anEnsembleConfigStartsAMemberOfTheEnsemble() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "2");
        Path cfg = dir.resolve("zoo.cfg");
        Files.write(cfg, List.of("tickTime=2000", "initLimit=10", "syncLimit=5",
                "dataDir=" + data, "clientPort=0",
                "server.1=127.0.0.1:2888:3888", "server.2=127.0.0.1:2889:3889",
                "server.3=127.0.0.1:2890:3890"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<ServerConfig> started = new AtomicReference<>();
        try {
            Main.run(new String[] {cfg.toString()}, new PrintStream(err, true,
                    StandardCharsets.UTF_8), config -> {
                        started.set(config);
                        throw new IllegalStateException("started; enough for this test");
                    });
        } catch (IllegalStateException expected) {
            // the factory's way out, after it was handed the config
        }
        assertEquals(2L, started.get().ensemble().orElseThrow().myId(),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(3, started.get().ensemble().orElseThrow().members().size());
    }

    @Test
    void oneServerLineWithStandaloneEnabledStillStartsAStandaloneServer() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "1");
        Path cfg = dir.resolve("zoo.cfg");
        Files.write(cfg, List.of("tickTime=2000", "initLimit=10", "syncLimit=5",
                "dataDir=" + data, "clientPortAddress=127.0.0.1", "clientPort=0",
                "jmx.enabled=false", "standaloneEnabled=true", "server.1=127.0.0.1:2888:3888"));
        ServerConfig config = Main.configure(cfg.toString());
        assertTrue(config.isStandalone());
        try (PaddockServer server = new PaddockServer(config).start()) {
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper zk = new ZooKeeper("127.0.0.1:" + server.address().getPort(), 30_000, e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                assertTrue(Timing.latch(connected, Duration.ofSeconds(10)), "connected");
                zk.create("/alone", new byte[] {1}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                assertEquals(1, zk.getData("/alone", false, null)[0]);
            } finally {
                zk.close();
            }
        }
    }
}
