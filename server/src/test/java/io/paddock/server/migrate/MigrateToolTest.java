package io.paddock.server.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.PaddockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paddock-migrate.sh}: its commands, reports, exit codes and progress bar. */
class MigrateToolTest {
    @TempDir
    static Path fixture;
    private static Path zkDir;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void zooKeeperData() throws Exception {
        zkDir = fixture.resolve("zk");
        try (RealZooKeeper zk = RealZooKeeper.start(zkDir, zkDir, 0, 30, ZkCompression.GZIP)) {
            ZooKeeper client = Workload.connect(zk.connectString(), null);
            Workload.run(zk.connectString(), client, client, 10);
            client.close();
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new MigrateTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path copy() {
        Path dir = tmp.resolve("zk-" + System.nanoTime());
        MigrationFixture.copyTree(zkDir, dir);
        return dir;
    }

    @Test
    void importWritesAPaddockDirectoryAndReports() throws Exception {
        Path dir = copy();
        assertEquals(0, run("import", dir.toString()), err());
        assertTrue(out().contains("zxid range: 0x") && out().contains("torn tail: none")
                && out().contains("matches ZooKeeper's log digest"), out());
        Path paddock = dir.resolve("paddock");
        assertTrue(Files.exists(paddock.resolve("session.scheme")));
        assertTrue(Files.readString(paddock.resolve("import-report.txt")).contains("znodes: "));
        // 64 MiB of preallocated log is a large directory: the bar is drawn and finished.
        assertTrue(err().contains("[########################################] 100%"), err());

        assertEquals(1, run("import", dir.toString()));
        assertTrue(err().contains("not empty"), err());
        assertEquals(0, run("verify", "zookeeper:" + dir, "paddock:" + dir, "-q"), out());
        assertTrue(out().contains("identical: "), out());
    }

    @Test
    void verifyPrintsTheFirstDifference() throws Exception {
        Path dir = copy();
        try (PaddockServer p = MigrationFixture.startPaddock(dir, null, 0)) {
            ZooKeeper c = Workload.connect("127.0.0.1:" + p.address().getPort(), null);
            c.create("/app/zz-new", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            c.close();
        }
        assertEquals(1, run("verify", "zookeeper:" + dir, dir.toString(), "--quiet"));
        assertTrue(out().contains("DIFFERENT: znode /app: cversion"), out());
    }

    @Test
    void corruptionIsRefusedWithExitStatusOne() throws Exception {
        Path dir = copy();
        for (Path snap : ZooKeeperDataDir.of(dir, dir).snapshotsNewestFirst()) {
            try (RandomAccessFile f = new RandomAccessFile(snap.toFile(), "rw")) {
                f.setLength(f.length() / 2);
            }
        }
        assertEquals(1, run("import", dir.toString(), "-q"));
        assertTrue(err().contains("refused: ") && err().contains("snapshot.")
                && err().contains("offset"), err());
        assertTrue(Files.notExists(dir.resolve("paddock")));
    }

    @Test
    void badArgumentsGiveUsageAndStatusTwo() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("verify", "only-one"));
        assertEquals(2, run("export", "a", "b", "--compression", "zip"));
        assertTrue(err().contains("usage:"), err());
    }

    @Test
    void exportRefusesADirectoryWithZooKeeperData() throws Exception {
        Path dir = copy();
        assertEquals(0, run("import", dir.toString(), "-q"));
        assertEquals(1, run("export", dir.toString(), copy().toString(), "-q"));
        assertTrue(err().contains("already holds ZooKeeper data"), err());
    }
}
