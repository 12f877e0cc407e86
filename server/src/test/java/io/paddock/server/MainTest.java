package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.FailingTxnLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
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
}
