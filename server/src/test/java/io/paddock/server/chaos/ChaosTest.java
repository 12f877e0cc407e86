package io.paddock.server.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.chaos.ChaosHistory.Outcome;
import io.paddock.server.chaos.ChaosHistory.RegisterOp;
import io.paddock.server.ensemble.process.ZkClients;
import io.paddock.server.testing.ProcessEnsemble;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chaos on a 3-server ensemble of child JVMs: clients CAS registers and create sequential nodes
 * through the official client while a nemesis kills (-9), pauses (SIGSTOP) and restarts
 * servers; then {@link ChaosChecker} judges the history. A short run here; {@code -Pchaos} runs
 * for minutes ({@code -Dpaddock.chaos.seconds}, {@code -Dpaddock.chaos.seed}).
 */
class ChaosTest {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosTest.class);
    private static final int CLIENTS = 4;

    @Test
    void noAcknowledgedWriteIsLostAndNoSessionGoesBack() throws Exception {
        long seconds = Long.getLong("paddock.chaos.seconds", 12);
        long seed = Long.getLong("paddock.chaos.seed", System.nanoTime());
        LOG.info("chaos: {} s, seed {}", seconds, seed);
        ChaosHistory history = new ChaosHistory();
        try (ProcessEnsemble ensemble = ProcessEnsemble.start("chaos", 3, 0, 200)) {
            try (ZooKeeper zk = ZkClients.connect(ensemble.connectString())) {
                zk.create("/reg", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (int i = 0; i < ChaosClient.REGISTERS; i++) {
                    zk.create("/reg/" + i, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
                zk.create("/seq", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Nemesis nemesis = new Nemesis(ensemble, new SplittableRandom(seed));
            List<Thread> clients = new ArrayList<>();
            AtomicInteger clientIds = new AtomicInteger();
            for (int i = 0; i < CLIENTS; i++) {
                Thread t = new Thread(new ChaosClient(ensemble.connectString(), history, clientIds,
                        () -> System.nanoTime() < deadline, seed + i), "chaos-client-" + i);
                t.start();
                clients.add(t);
            }
            ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
            faults.scheduleWithFixedDelay(nemesis::step, 1000, 1000, TimeUnit.MILLISECONDS);
            Timing.await(Duration.ofSeconds(seconds + 30)).until(() -> System.nanoTime() >= deadline);
            faults.shutdown();
            assertTrue(faults.awaitTermination(30, TimeUnit.SECONDS), "the nemesis stopped");
            nemesis.heal();
            for (Thread t : clients) {
                assertTrue(Timing.join(t, Duration.ofSeconds(60)), t.getName() + " ended");
            }
            ensemble.awaitServing(ensemble.ids());
            List<String> violations = judge(ensemble, history);
            LOG.info("chaos: {} register ops ({} writes acknowledged, {} unknown), {} creates,"
                    + " {} sessions; nemesis: {}", history.registerOps().size(),
                    count(history, Outcome.OK), count(history, Outcome.UNKNOWN),
                    history.createOps().size(), clientIds.get(), nemesis.describe());
            assertEquals(List.of(), violations, "seed " + seed);
            assertTrue(count(history, Outcome.OK) > 0, "some writes were acknowledged");
        }
    }

    private static long count(ChaosHistory h, Outcome o) {
        return h.registerOps().stream().filter(op -> op.write() && op.outcome() == o).count();
    }

    private static List<String> judge(ProcessEnsemble ensemble, ChaosHistory history)
            throws Exception {
        try (ZooKeeper zk = ZkClients.connect(ensemble.connectString(ensemble.awaitLeader()))) {
            ZkClients.sync(zk, "/");
            Map<String, RegisterOp> finals = new HashMap<>();
            for (int i = 0; i < ChaosClient.REGISTERS; i++) {
                String key = "/reg/" + i;
                Stat stat = new Stat();
                String value = new String(zk.getData(key, false, stat), StandardCharsets.UTF_8);
                finals.put(key, new RegisterOp(-1, key, false, 0, 0, Outcome.OK,
                        stat.getVersion(), value));
            }
            Set<String> created = new HashSet<>();
            for (String child : zk.getChildren("/seq", false)) {
                created.add("/seq/" + child);
            }
            return ChaosChecker.check(history, finals, created);
        }
    }

    /** Kills, pauses and restarts servers, never more than one down or frozen at a time. */
    private static final class Nemesis {
        private final ProcessEnsemble ensemble;
        private final SplittableRandom random;
        private Long down;
        private Long paused;
        private int kills;
        private int pauses;

        Nemesis(ProcessEnsemble ensemble, SplittableRandom random) {
            this.ensemble = ensemble;
            this.random = random;
        }

        synchronized void step() {
            try {
                if (down != null) {
                    ensemble.start(down);
                    down = null;
                } else if (paused != null) {
                    ensemble.resume(paused);
                    paused = null;
                } else {
                    List<Long> ids = new ArrayList<>(ensemble.runningIds());
                    long victim = random.nextBoolean() ? leaderOrAny(ids)
                            : ids.get(random.nextInt(ids.size()));
                    if (random.nextInt(3) == 0) {
                        ensemble.pause(victim);
                        paused = victim;
                        pauses++;
                    } else {
                        ensemble.kill(victim);
                        down = victim;
                        kills++;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("nemesis step failed", e);
            }
        }

        private long leaderOrAny(List<Long> ids) {
            for (long id : ids) {
                if ("leader".equals(ensemble.mode(id))) {
                    return id;
                }
            }
            return ids.get(0);
        }

        synchronized void heal() {
            if (paused != null) {
                ensemble.resume(paused);
                paused = null;
            }
            if (down != null) {
                ensemble.start(down);
                down = null;
            }
        }

        synchronized String describe() {
            return kills + " kills, " + pauses + " pauses";
        }
    }
}
