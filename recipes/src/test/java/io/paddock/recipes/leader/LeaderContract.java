package io.paddock.recipes.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** LeaderLatch and LeaderSelector: one leader, hand-over on session death, prompt loss. */
public abstract class LeaderContract extends RecipeTestBase {

    private LeaderLatch latch(PaddockClient c, String id) {
        return closeLater(new LeaderLatch(c, base + "/latch", id));
    }

    private long leaders(List<LeaderLatch> latches) {
        return latches.stream().filter(LeaderLatch::hasLeadership).count();
    }

    @Test
    void exactlyOneLatchLeadsAndTheNextTakesOverWhenItCloses() throws Exception {
        List<LeaderLatch> latches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            latches.add(latch(newClient(), "p" + i).start());
        }
        Timing.await(WAIT).until(() -> leaders(latches) == 1);
        LeaderLatch first = latches.stream().filter(LeaderLatch::hasLeadership).findFirst()
                .orElseThrow();
        assertTrue(first.await(Duration.ofMillis(1)));
        assertEquals(first.id(), latches.get(0).participants().get(0).id());
        assertEquals(3, first.participants().size());

        first.close();
        latches.remove(first);
        Timing.await(WAIT).until(() -> leaders(latches) == 1);
        assertFalse(first.hasLeadership());
    }

    @Test
    void whenTheLeadersSessionDiesAnotherLeadsWithinTheSessionTimeout() throws Exception {
        Doomed doomed = doomedClient();
        LeaderLatch leader = latch(doomed.client(), "doomed").start();
        assertTrue(leader.await(Timing.scaled(WAIT)));
        LeaderLatch follower = latch(newClient(), "follower");
        List<String> heard = new CopyOnWriteArrayList<>();
        follower.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                heard.add("isLeader");
            }

            @Override
            public void notLeader() {
                heard.add("notLeader");
            }
        });
        follower.start();
        Timing.await(WAIT).until(() -> follower.participants().size() == 2);
        assertFalse(follower.hasLeadership());

        long cut = System.nanoTime();
        doomed.expire();
        Timing.await(WAIT).until(() -> !leader.hasLeadership());
        Duration lostAfter = Duration.ofNanos(System.nanoTime() - cut);
        assertTrue(lostAfter.compareTo(Timing.scaled(SHORT_SESSION)) < 0, "lost on SUSPENDED: " + lostAfter);
        assertTrue(follower.await(Timing.scaled(SHORT_SESSION.multipliedBy(4))), "took over in time");
        Timing.await(WAIT).until(() -> !heard.isEmpty());
        assertEquals(List.of("isLeader"), heard);
    }

    @Test
    void theSelectorRotatesLeadershipAndRequeues() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<String> turns = new CopyOnWriteArrayList<>();
        List<LeaderSelector> selectors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = "s" + i;
            selectors.add(closeLater(new LeaderSelector(newClient(), base + "/selector", id, c -> {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                turns.add(id);
                concurrent.decrementAndGet();
            }).autoRequeue()));
        }
        selectors.forEach(LeaderSelector::start);
        Timing.await(WAIT).until(() -> turns.size() >= 9);
        selectors.forEach(LeaderSelector::close);
        assertEquals(1, maxConcurrent.get(), "never two leaders at once");
        for (int i = 0; i < 3; i++) {
            assertTrue(turns.contains("s" + i), "s" + i + " led: " + turns);
        }
    }

    @Test
    void aSelectorsLeaderIsInterruptedOnSuspendAndAnotherTakesOver() throws Exception {
        Doomed doomed = doomedClient();
        CountDownLatch leading = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        LeaderSelector first = closeLater(new LeaderSelector(doomed.client(), base + "/sel", "a",
                c -> {
                    leading.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                })).start();
        assertTrue(Timing.latch(leading, WAIT));
        CountDownLatch secondLeads = new CountDownLatch(1);
        closeLater(new LeaderSelector(newClient(), base + "/sel", "b", c -> secondLeads.countDown()))
                .start();
        Timing.await(WAIT).until(() -> first.participants().size() == 2);
        assertTrue(first.hasLeadership());

        doomed.expire();
        assertTrue(Timing.latch(interrupted, SHORT_SESSION), "interrupted before expiry");
        assertTrue(Timing.latch(secondLeads, SHORT_SESSION.multipliedBy(4)),
                "b leads after a's session died");
    }
}
