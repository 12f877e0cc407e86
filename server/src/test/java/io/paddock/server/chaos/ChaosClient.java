package io.paddock.server.chaos;

import io.paddock.server.chaos.ChaosHistory.CreateOp;
import io.paddock.server.chaos.ChaosHistory.Outcome;
import io.paddock.server.chaos.ChaosHistory.RegisterOp;
import io.paddock.server.ensemble.process.ZkClients;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One chaos client: reads a register and compare-and-sets it, or creates a sequential node,
 * again and again, recording every operation with its outcome. A lost session ends the client's
 * identity: the next session is a new client, since ZooKeeper promises order within a session
 * only.
 */
final class ChaosClient implements Runnable {
    static final int REGISTERS = 4;

    private final String connectString;
    private final ChaosHistory history;
    private final AtomicInteger clientIds;
    private final BooleanSupplier running;
    private final SplittableRandom random;
    private int client;
    private int counter;

    ChaosClient(String connectString, ChaosHistory history, AtomicInteger clientIds,
            BooleanSupplier running, long seed) {
        this.connectString = connectString;
        this.history = history;
        this.clientIds = clientIds;
        this.running = running;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            client = clientIds.incrementAndGet();
            try (ZooKeeper zk = ZkClients.connect(connectString)) {
                while (running.getAsBoolean() && zk.getState().isAlive()) {
                    if (random.nextInt(5) == 0) {
                        create(zk);
                    } else {
                        casRegister(zk, "/reg/" + random.nextInt(REGISTERS));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // no connection within the wait: try again with a new session
            }
        }
    }

    private void casRegister(ZooKeeper zk, String key) throws InterruptedException {
        Stat stat = new Stat();
        long start = System.nanoTime();
        String seen;
        try {
            seen = new String(zk.getData(key, false, stat), StandardCharsets.UTF_8);
        } catch (KeeperException e) {
            return; // a failed read tells nothing
        }
        history.add(new RegisterOp(client, key, false, start, System.nanoTime(), Outcome.OK,
                stat.getVersion(), seen));
        String value = "c" + client + "-" + (++counter);
        start = System.nanoTime();
        Outcome outcome;
        int version = stat.getVersion() + 1;
        try {
            Stat written = zk.setData(key, value.getBytes(StandardCharsets.UTF_8), stat.getVersion());
            outcome = Outcome.OK;
            version = written.getVersion();
        } catch (KeeperException.BadVersionException e) {
            outcome = Outcome.FAILED;
        } catch (KeeperException e) {
            outcome = Outcome.UNKNOWN;
        }
        history.add(new RegisterOp(client, key, true, start, System.nanoTime(), outcome, version,
                value));
    }

    private void create(ZooKeeper zk) throws InterruptedException {
        long start = System.nanoTime();
        try {
            String name = zk.create("/seq/n-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL);
            history.add(new CreateOp(client, start, System.nanoTime(), Outcome.OK, name));
        } catch (KeeperException e) {
            history.add(new CreateOp(client, start, System.nanoTime(), Outcome.UNKNOWN, null));
        }
    }
}
