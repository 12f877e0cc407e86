package io.paddock.zab.scenario;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.zab.EpochState;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.quorum.MajorityQuorum;
import io.paddock.zab.testing.MemoryLog;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A single voter (the standalone server) is an ensemble of one: no messages, no waiting. */
class StandaloneScenarioTest {
    private static final PeerConfig ONE = PeerConfig.defaults(1, new MajorityQuorum(Set.of(1L)), Set.of());

    @Test
    void startReachesBroadcastInOneReadyWithTheEpochsWritten() {
        ZabPeer peer = new ZabPeer(ONE, EpochState.INITIAL, new MemoryLog(), 0, new SplittableRandom(1));

        peer.start();
        Ready ready = peer.ready();

        assertEquals(new RoleChange(Role.LEADING, Phase.BROADCAST, 1, 1), ready.roleChange());
        assertEquals(new EpochState(1, 1), ready.epochs());
        assertEquals(List.of(), ready.messages());
        peer.advance();
        assertFalse(peer.hasReady());
    }

    @Test
    void eachProposalCommitsOnceDurable() {
        MemoryLog log = new MemoryLog();
        ZabPeer peer = new ZabPeer(ONE, EpochState.INITIAL, log, 0, new SplittableRandom(1));
        peer.start();
        peer.ready();
        peer.advance();

        Proposal first = new Proposal(make(1, 1), 1, new byte[] {1});
        Proposal second = new Proposal(make(1, 2), 1, new byte[] {2});
        peer.propose(first);
        peer.propose(second);
        Ready appended = peer.ready();
        assertEquals(List.of(first, second), appended.toPersist());
        assertEquals(List.of(), appended.toCommit(), "not durable yet");
        appended.toPersist().forEach(log::append);
        peer.advance();

        peer.persisted(log.flush());
        Ready committed = peer.ready();
        assertEquals(List.of(first, second), committed.toCommit());
        assertNull(committed.roleChange());
        assertEquals(make(1, 2), peer.lastDelivered());
    }

    @Test
    void aRestartDeliversTheLoggedTxnsAboveLastAppliedAtOnce() {
        MemoryLog log = new MemoryLog();
        for (long zxid : new long[] {make(1, 1), make(1, 2), make(1, 3)}) {
            log.append(TestPeer.txn(zxid));
        }
        log.flush();
        ZabPeer peer = new ZabPeer(ONE, new EpochState(1, 1), log, make(1, 1), new SplittableRandom(1));

        peer.start();
        Ready ready = peer.ready();

        assertEquals(List.of(make(1, 2), make(1, 3)), ready.toCommit().stream().map(Proposal::zxid).toList());
        assertEquals(new RoleChange(Role.LEADING, Phase.BROADCAST, 2, 1), ready.roleChange());
        assertEquals(new EpochState(2, 2), ready.epochs());
    }
}
