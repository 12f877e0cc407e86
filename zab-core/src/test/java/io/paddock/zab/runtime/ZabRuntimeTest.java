package io.paddock.zab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.testing.Timing;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime around one peer, without a network: commits alone, refuses what it cannot do. */
class ZabRuntimeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FileTxnLogOptions OPTIONS = FileTxnLogOptions.defaults().withPreAllocSize(1 << 16);

    @TempDir
    Path dir;

    @Test
    void aSingleVoterLeadsCommitsThroughItsLogAndRecoversAfterARestart() throws Exception {
        List<RoleChange> roles = new CopyOnWriteArrayList<>();
        try (ZabRuntime runtime = runtime(Set.of(1L))) {
            runtime.addRoleListener(roles::add);
            runtime.start();
            Timing.await(WAIT).until(runtime::isServing);
            List<CompletableFuture<Long>> done = List.of(runtime.submit(1, new byte[] {1}),
                    runtime.submit(1, new byte[] {2}), runtime.submit(1, new byte[] {3}));
            for (CompletableFuture<Long> f : done) {
                Timing.get(f, WAIT);
            }
            assertEquals(Zxids.make(1, 3), runtime.lastApplied());
            assertEquals(Zxids.make(1, 3), runtime.lastLogged());
            assertEquals(Zxids.make(1, 4), runtime.zxids().next(), "the counter serves epoch 1");
        }
        assertTrue(roles.stream().anyMatch(r -> r.role() == Role.LEADING && r.epoch() == 1), roles::toString);

        try (ZabRuntime again = runtime(Set.of(1L))) {
            again.start();
            Timing.await(WAIT).until(again::isServing);
            Timing.await(WAIT).until(() -> again.lastApplied() == Zxids.make(1, 3));
            assertEquals(Zxids.make(2, 1), Timing.get(again.submit(1, new byte[] {4}), WAIT),
                    "a new epoch after the restart");
        }
    }

    @Test
    void aPeerThatDoesNotServeRefusesProposalsAndSoDoesAStoppedOne() throws Exception {
        ZabRuntime runtime = runtime(Set.of(1L, 2L, 3L));
        runtime.start();
        assertRefused(runtime.submit(1, new byte[0]));
        runtime.close();
        assertRefused(runtime.submit(1, new byte[0]));
    }

    private static void assertRefused(CompletableFuture<Long> f) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> Timing.get(f, WAIT));
        ProposalException refused = assertInstanceOf(ProposalException.class, e.getCause());
        assertTrue(refused.outcomeKnown(), "refused before reaching the core: it never commits");
    }

    private ZabRuntime runtime(Set<Long> voters) throws Exception {
        PeerConfig peer = PeerConfig.defaults(1, new MajorityQuorum(voters), Set.of());
        return new ZabRuntime(new RuntimeConfig(peer, Duration.ofMillis(5)),
                PeerStorage.open(dir.resolve("zab"), OPTIONS),
                new RecordingStateMachine(dir.resolve("state")), new NoTransport());
    }
}
