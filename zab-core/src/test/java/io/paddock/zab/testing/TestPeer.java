package io.paddock.zab.testing;

import io.paddock.zab.EpochState;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.RoleChange;
import io.paddock.zab.ZabPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One peer of a {@link TestCluster}: the core plus what a runtime keeps durable (epochs, log,
 * snapshot) and in memory (the applied txns).
 *
 * <p>Not thread-safe.
 */
public final class TestPeer {
    final long id;
    final PeerConfig config;
    final MemoryLog log = new MemoryLog();
    EpochState epochs = EpochState.INITIAL;
    List<Proposal> snapshot = List.of();
    List<Proposal> applied = new ArrayList<>();
    final List<RoleChange> roleChanges = new ArrayList<>();
    ZabPeer peer;
    boolean up;
    boolean autoFlush = true;
    List<Proposal> incomingSnapshot;
    private int lives;

    TestPeer(long id, PeerConfig config) {
        this.id = id;
        this.config = config;
    }

    /** Starts a new life from the durable state (the state machine holds only the snapshot). */
    void boot() {
        applied = new ArrayList<>(snapshot);
        long lastApplied = snapshot.isEmpty() ? log.base() : snapshot.get(snapshot.size() - 1).zxid();
        peer = new ZabPeer(config, epochs, log, Math.max(lastApplied, log.base()),
                new SplittableRandom(id * 1_000_003L + lives++));
        up = true;
        peer.start();
    }

    /** Does one Ready's disk part (truncate, epochs, snapshot, append) and applies its commits. */
    void applyDiskAndCommits(Ready ready) {
        if (ready.truncateAfter() >= 0) {
            log.truncateAfter(ready.truncateAfter());
        }
        if (ready.epochs() != null) {
            epochs = ready.epochs();
        }
        if (ready.snapshotToLoad() >= 0) {
            log.replaceBySnapshot(ready.snapshotToLoad());
            snapshot = List.copyOf(incomingSnapshot);
            applied = new ArrayList<>(snapshot);
        }
        ready.toPersist().forEach(log::append);
    }

    public long id() {
        return id;
    }

    public ZabPeer core() {
        return peer;
    }

    public boolean isUp() {
        return up;
    }

    public MemoryLog log() {
        return log;
    }

    public EpochState durableEpochs() {
        return epochs;
    }

    /** The txns this peer's state machine applied in its current life, in order. */
    public List<Proposal> applied() {
        return List.copyOf(applied);
    }

    public List<Long> appliedZxids() {
        return applied.stream().map(Proposal::zxid).toList();
    }

    public List<RoleChange> roleChanges() {
        return List.copyOf(roleChanges);
    }

    /** Whether the runtime reports persistence at once after each Ready (the default). */
    public void autoFlush(boolean on) {
        autoFlush = on;
    }

    /** Before boot: durable epochs and a durable log holding these zxids (payload = the zxid). */
    public TestPeer preload(EpochState durable, long... zxids) {
        epochs = durable;
        for (long zxid : zxids) {
            log.append(txn(zxid));
        }
        log.flush();
        return this;
    }

    /** The txn a preloaded log holds for {@code zxid}: same zxid, same bytes on every peer. */
    public static Proposal txn(long zxid) {
        return new Proposal(zxid, 1, Long.toHexString(zxid).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Wipes the disk: no log, no epochs, no snapshot (a replaced machine). */
    public void wipe() {
        log.replaceBySnapshot(0);
        epochs = EpochState.INITIAL;
        snapshot = List.of();
    }

    /** Takes a snapshot of the applied state and drops the log behind it. */
    public void snapshotAndCompact() {
        snapshot = List.copyOf(applied);
        if (!applied.isEmpty()) {
            log.compactThrough(applied.get(applied.size() - 1).zxid());
        }
    }

    @Override
    public String toString() {
        return up ? peer.describe() : "peer " + id + " down";
    }
}
