package io.paddock.zab.testing;

import io.paddock.zab.EpochState;
import io.paddock.zab.Mutation;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.quorum.MajorityQuorum;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One core driven by hand, for phase unit tests: each input returns the Ready it produced, whose
 * disk part is done on a {@link MemoryLog} (appends stay unflushed until {@link #flush()}).
 *
 * <p>Not thread-safe.
 */
public final class SinglePeer {
    private final MemoryLog log;
    private final ZabPeer peer;
    private final List<Proposal> applied = new ArrayList<>();
    private EpochState epochs;

    public SinglePeer(PeerConfig config, EpochState epochs, MemoryLog log, long lastApplied) {
        this.log = log;
        this.epochs = epochs;
        this.peer = new ZabPeer(config, epochs, log, lastApplied, new SplittableRandom(config.myId()));
    }

    /** Peer {@code id} of voters 1..voters (plus observers after them), with these mutations. */
    public static PeerConfig config(long id, int voters, int observers, Mutation... mutations) {
        Set<Long> voterIds = new java.util.TreeSet<>();
        for (long v = 1; v <= voters; v++) {
            voterIds.add(v);
        }
        Set<Long> observerIds = new java.util.TreeSet<>();
        for (long o = voters + 1; o <= voters + observers; o++) {
            observerIds.add(o);
        }
        PeerConfig base = PeerConfig.defaults(id, new MajorityQuorum(voterIds), observerIds);
        return TestCluster.withMutations(base, Set.of(mutations));
    }

    public ZabPeer core() {
        return peer;
    }

    public MemoryLog log() {
        return log;
    }

    public EpochState durableEpochs() {
        return epochs;
    }

    public List<Long> appliedZxids() {
        return applied.stream().map(Proposal::zxid).toList();
    }

    public Ready start() {
        peer.start();
        return take();
    }

    public Ready step(PeerMessage message) {
        peer.step(message);
        return take();
    }

    /** The transport lost its connection to {@code peerId}. */
    public Ready disconnected(long peerId) {
        peer.peerDisconnected(peerId);
        return take();
    }

    public Ready tick() {
        peer.tick();
        return take();
    }

    public Ready tick(int times) {
        List<Ready> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.add(tick());
        }
        return merge(all);
    }

    public Ready propose(Proposal proposal) {
        peer.propose(proposal);
        return take();
    }

    /** Makes the written txns durable and reports it. */
    public Ready flush() {
        peer.persisted(log.flush());
        return take();
    }

    public Ready snapshotInstalled(long zxid) {
        peer.snapshotInstalled(zxid);
        return take();
    }

    /** Takes and performs the pending Ready (disk part and deliveries). */
    public Ready take() {
        Ready ready = peer.ready();
        if (ready.truncateAfter() >= 0) {
            log.truncateAfter(ready.truncateAfter());
        }
        if (ready.epochs() != null) {
            epochs = ready.epochs();
        }
        if (ready.snapshotToLoad() >= 0) {
            log.replaceBySnapshot(ready.snapshotToLoad());
        }
        ready.toPersist().forEach(log::append);
        applied.addAll(ready.toCommit());
        peer.advance();
        return ready;
    }

    private static Ready merge(List<Ready> readies) {
        List<PeerMessage> messages = new ArrayList<>();
        List<Proposal> commits = new ArrayList<>();
        List<Proposal> persist = new ArrayList<>();
        EpochState epochs = null;
        io.paddock.zab.RoleChange change = null;
        for (Ready r : readies) {
            messages.addAll(r.messages());
            commits.addAll(r.toCommit());
            persist.addAll(r.toPersist());
            epochs = r.epochs() != null ? r.epochs() : epochs;
            change = r.roleChange() != null ? r.roleChange() : change;
        }
        return new Ready(-1, epochs, -1, persist, messages, commits, change);
    }
}
