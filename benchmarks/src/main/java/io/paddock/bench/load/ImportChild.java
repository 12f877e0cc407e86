package io.paddock.bench.load;

import io.paddock.server.migrate.PaddockDataWriter;
import io.paddock.server.migrate.Progress;
import io.paddock.server.migrate.ZooKeeperDataDir;
import io.paddock.server.migrate.ZooKeeperImporter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.apache.zookeeper.server.ZKDatabase;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * One measurement of {@link ImportBench} in a JVM of its own, so the heap it weighs holds only
 * the loaded tree: {@code ImportChild paddock ZK_DATA_DIR OUT_DIR} imports with Paddock (read,
 * replay, write Paddock's snapshot); {@code ImportChild zookeeper ZK_DATA_DIR} loads the same
 * directory as ZooKeeper's own start-up does (ZKDatabase.loadDataBase). Prints the milliseconds
 * taken and the heap in use after a full GC, with the state still held.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        Path zk = Path.of(args[1]);
        long started = System.nanoTime();
        Object held;
        if (args[0].equals("paddock")) {
            ZooKeeperImporter.Result r = ZooKeeperImporter.load(ZooKeeperDataDir.of(zk, zk),
                    Progress.NONE);
            PaddockDataWriter.write(r.tree(), r.sessions(), r.report().lines(), Path.of(args[2]));
            held = r;
        } else {
            ZKDatabase db = new ZKDatabase(new FileTxnSnapLog(zk.toFile(), zk.toFile()));
            db.loadDataBase();
            held = db;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // Printing the held state's identity keeps it reachable across the GC above.
        System.out.println("RESULT " + millis + " " + heap + " " + System.identityHashCode(held));
    }
}
