package io.paddock.zab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A small randomized smoke run over the in-test cluster: random delivery order, lost and repeated
 * messages, crashes and restarts, isolation, slow disks, compaction and tiny zxid counters; after
 * every step the applied sequences must agree and be durable, and at the end a healed ensemble
 * must serve and agree. Not the simulator (which injects far more, with checkers per Zab.tla
 * property): a quick guard for this module. {@code -Dzab.random.seeds=N -Dzab.random.first=S}
 * runs more.
 */
class RandomScheduleTest {
    @Test
    void randomSchedulesKeepAgreementAndHeal() {
        int seeds = Integer.getInteger("zab.random.seeds", 100);
        long first = Long.getLong("zab.random.first", 1);
        for (long seed = first; seed < first + seeds; seed++) {
            try {
                run(seed);
            } catch (Throwable e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void run(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int voters = 3 + 2 * r.nextInt(2);
        int observers = r.nextInt(2);
        long maxCounter = r.nextInt(3) == 0 ? 5 + r.nextInt(10) : 1_000_000;
        int maxDiff = r.nextInt(3) == 0 ? 3 : 1000;
        TestCluster c = TestCluster.of(voters, observers,
                cfg -> TestCluster.withLimits(cfg, maxCounter, maxDiff)).startAll();
        int n = voters + observers;
        int f = (voters - 1) / 2;
        for (int step = 0, steps = Integer.getInteger("zab.random.steps", 600); step < steps; step++) {
            int op = r.nextInt(100);
            if (op < 40) {
                c.deliverRandom(r, 3);
            } else if (op < 55) {
                c.tickOnce();
            } else if (op < 70) {
                for (TestPeer p : c.peers()) {
                    if (p.isUp() && p.core().role() == Role.LEADING && p.core().phase() == Phase.BROADCAST) {
                        try {
                            c.propose(p, "s" + seed + "-" + step);
                        } catch (IllegalStateException e) {
                            // counter used up
                        }
                    }
                }
            } else if (op < 72) {
                c.dropRandom(r);
            } else if (op < 73) {
                c.duplicateLater(r);
            } else if (op < 76) {
                long id = 1 + r.nextInt(n);
                long down = c.peers().stream().filter(p -> !p.isUp()).count();
                if (c.peer(id).isUp() && down < f) {
                    c.crash(id);
                } else if (!c.peer(id).isUp()) {
                    c.restart(id);
                }
            } else if (op < 78) {
                c.isolate(1 + r.nextInt(n));
            } else if (op < 82) {
                c.heal();
            } else if (op < 85) {
                TestPeer p = c.peer(1 + r.nextInt(n));
                p.autoFlush(r.nextBoolean());
                if (p.isUp() && p.log().hasUnflushed()) {
                    c.flush(p.id());
                }
            } else if (op < 87) {
                c.batching(r.nextInt(3) == 0);
                c.drainAll();
            } else if (op < 89) {
                TestPeer p = c.peer(1 + r.nextInt(n));
                if (p.isUp()) {
                    p.snapshotAndCompact();
                }
            } else {
                c.deliverRandom(r, 0);
            }
            c.checkAgreement();
        }
        c.heal();
        c.batching(false);
        c.drainAll();
        for (TestPeer p : c.peers()) {
            p.autoFlush(true);
            if (!p.isUp()) {
                c.restart(p.id());
            } else if (p.log().hasUnflushed()) {
                c.flush(p.id());
            }
        }
        c.run(60);
        TestPeer leader = c.awaitStable(3000);
        c.write(2);
        for (TestPeer p : c.peers()) {
            assertEquals(leader.appliedZxids(), p.appliedZxids(), "seed " + seed + " peer " + p.id());
        }
    }
}
