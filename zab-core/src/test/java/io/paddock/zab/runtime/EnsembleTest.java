package io.paddock.zab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZAB on the network: in-process peers on loopback, each with a file txn log and epoch store, its
 * own runtime threads and Netty transport. A crash closes the peer's sockets and stops its threads
 * without a final flush; a restart builds everything again from its data directory.
 */
class EnsembleTest {

    @TempDir
    Path dir;

    @Test
    void threeVotersElectALeaderAndAllApplyTheSameThousandProposals() {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3, 0)) {
            ensemble.startAll();
            TestNode leader = ensemble.awaitLeader();

            List<Long> zxids = ensemble.commit(leader, 1000);

            assertEquals(1000, zxids.stream().distinct().count());
            ensemble.awaitAllAgree(leader);
            assertEquals(1000, leader.applied().size());
        }
    }

    @Test
    void aLeaderCrashedUnderWritesLosesNoAcknowledgedProposalAndCatchesUpOnRestart() {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3, 0)) {
            ensemble.startAll();
            TestNode old = ensemble.awaitLeader();
            ensemble.commit(old, 100);

            List<CompletableFuture<Long>> inFlight = ensemble.submit(old, 400);
            Timing.await(TestEnsemble.WAIT).until(() -> succeeded(inFlight).size() >= 50);
            old.crash();
            Timing.await(TestEnsemble.WAIT).until(() -> inFlight.stream().allMatch(CompletableFuture::isDone));
            List<Long> acknowledged = succeeded(inFlight);

            TestNode leader = ensemble.awaitLeader();
            assertNotEquals(old.id, leader.id);
            ensemble.commit(leader, 30);
            ensemble.awaitAllAgree(leader);
            assertHolds(leader.applied(), acknowledged);

            old.start();
            leader = ensemble.awaitLeader();
            ensemble.commit(leader, 10);
            ensemble.awaitAllAgree(leader);
            assertHolds(old.applied(), acknowledged);
        }
    }

    @Test
    void aRestartedLeaderCatchesUpByDiffAndLosesItsUnsentProposalByTrunc() {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3, 0)) {
            ensemble.startAll();
            TestNode first = ensemble.awaitLeader();
            ensemble.commit(first, 100);
            ensemble.awaitAllAgree(first);

            // Everything it logged is committed: back, it only needs what it missed. A DIFF.
            first.crash();
            TestNode second = ensemble.awaitLeader();
            ensemble.commit(second, 30);
            first.start();
            ensemble.awaitAllAgree(ensemble.awaitLeader());
            assertTrue(first.transport().received(Diff.class), "synced by DIFF");
            assertFalse(first.transport().received(Trunc.class) || first.transport().received(Snap.class),
                    () -> "only a DIFF: " + first.transport().syncReceived);

            // The leader logs a proposal nobody else ever sees, then crashes: back, it must drop it.
            TestNode leader = ensemble.awaitLeader();
            long before = leader.runtime().lastLogged();
            leader.transport().mute();
            CompletableFuture<Long> unsent = ensemble.submit(leader, 1).get(0);
            Timing.await(TestEnsemble.WAIT).until(() -> leader.runtime().lastLogged() > before);
            long unsentZxid = leader.runtime().lastLogged();
            leader.crash();
            assertTrue(unsent.isCompletedExceptionally());

            TestNode next = ensemble.awaitLeader();
            ensemble.commit(next, 20);
            leader.start();
            TestNode now = ensemble.awaitLeader();
            ensemble.awaitAllAgree(now);
            assertTrue(leader.transport().received(Trunc.class),
                    () -> "synced by TRUNC: " + leader.transport().syncReceived);
            for (TestNode n : ensemble.up()) {
                // its epoch is over: nobody else can have proposed that zxid
                assertTrue(n.applied().stream().noneMatch(p -> p.zxid() == unsentZxid),
                        () -> "node " + n.id + " applied the unsent proposal");
            }
        }
    }

    @Test
    void aWipedFollowerIsRestoredBySnapOverTheQuorumPort() {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3, 0)) {
            ensemble.startAll();
            TestNode leader = ensemble.awaitLeader();
            ensemble.commit(leader, 200);
            ensemble.awaitAllAgree(leader);
            TestNode follower = ensemble.up().stream().filter(n -> n != leader).findFirst().orElseThrow();

            follower.crash();
            wipe(follower);
            ensemble.commit(leader, 20);
            follower.start();
            ensemble.awaitAllAgree(leader);
            assertTrue(follower.transport().received(Snap.class), "synced by SNAP");
            assertEquals(1, follower.transport().streamsReceived.get(), "one snapshot stream");

            // It goes on from the snapshot, and a restart finds the snapshot and the log after it.
            ensemble.commit(leader, 20);
            follower.crash();
            ensemble.commit(leader, 20);
            follower.start();
            ensemble.awaitAllAgree(ensemble.awaitLeader());
            assertEquals(260, follower.applied().size());
        }
    }

    @Test
    void fiveVotersLoseTwoAndKeepCommittingCommitNothingWithoutAMajorityAndResume() {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 5, 0)) {
            ensemble.startAll();
            TestNode first = ensemble.awaitLeader();
            ensemble.commit(first, 100);

            first.crash();
            otherThan(ensemble, first).crash();
            TestNode leader = ensemble.awaitLeader();
            ensemble.commit(leader, 100);
            ensemble.awaitAllAgree(leader);

            otherThan(ensemble, leader).crash();
            assertNothingCommits(ensemble, leader);

            ensemble.nodes().stream().filter(n -> !n.isUp()).forEach(TestNode::start);
            TestNode back = ensemble.awaitLeader();
            ensemble.commit(back, 10);
            ensemble.awaitAllAgree(back);
            assertEquals(5, ensemble.up().size());
            assertTrue(back.applied().size() >= 210);
        }
    }

    @Test
    void anObserverLearnsEveryCommitAndNeverCounts() {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3, 1)) {
            ensemble.startAll();
            TestNode leader = ensemble.awaitLeader();
            TestNode observer = ensemble.node(4);
            ensemble.commit(leader, 100);
            ensemble.awaitAllAgree(leader);
            assertEquals(Role.OBSERVING, observer.runtime().role().role());
            assertEquals(100, observer.applied().size());

            // The leader and the observer are two of four, but only one of three voters.
            for (TestNode n : List.copyOf(ensemble.up())) {
                if (n != leader && n != observer) {
                    n.crash();
                }
            }
            assertNothingCommits(ensemble, leader);

            ensemble.node(leader.id == 1 ? 2 : 1).start();
            TestNode back = ensemble.awaitLeader();
            ensemble.commit(back, 10);
            ensemble.awaitAllAgree(back);
            assertTrue(observer.applied().size() >= 110);
        }
    }

    /** Proposals to a leader without a voting majority all fail, and nobody applies them. */
    private static void assertNothingCommits(TestEnsemble ensemble, TestNode leader) {
        List<Long> before = ensemble.up().stream().map(TestNode::lastApplied).toList();
        List<CompletableFuture<Long>> doomed = ensemble.submit(leader, 10);
        Timing.await(TestEnsemble.WAIT).until(() -> doomed.stream().allMatch(CompletableFuture::isDone));
        assertTrue(doomed.stream().allMatch(CompletableFuture::isCompletedExceptionally),
                "no proposal committed without a majority of voters");
        Timing.await(TestEnsemble.WAIT).until(() -> ensemble.up().stream()
                .allMatch(n -> n.runtime().role().role() != Role.LEADING));
        assertEquals(before, ensemble.up().stream().map(TestNode::lastApplied).toList(),
                "nobody applied anything");
    }

    private static TestNode otherThan(TestEnsemble ensemble, TestNode leader) {
        return ensemble.up().stream().filter(n -> n != leader && !n.isServing()).findFirst().orElseThrow();
    }

    private static List<Long> succeeded(List<CompletableFuture<Long>> futures) {
        List<Long> out = new ArrayList<>();
        for (CompletableFuture<Long> f : futures) {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                out.add(f.join());
            }
        }
        return out;
    }

    private static void assertHolds(List<Proposal> applied, List<Long> acknowledged) {
        List<Long> zxids = applied.stream().map(Proposal::zxid).toList();
        for (long z : acknowledged) {
            assertTrue(zxids.contains(z), () -> "acknowledged " + Long.toHexString(z) + " was lost");
        }
    }

    private static void wipe(TestNode node) {
        try {
            node.wipe();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
