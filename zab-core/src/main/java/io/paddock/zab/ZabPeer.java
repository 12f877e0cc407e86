package io.paddock.zab;

import io.paddock.zab.message.PeerMessage;
import java.util.random.RandomGenerator;

/**
 * One ZAB peer as a pure state machine (etcd raft's {@code RawNode} shape): the runtime feeds it
 * inputs, then takes a {@link Ready} with everything to do, does it, and calls {@link #advance()}.
 *
 * <p>Inputs: {@link #tick()}, {@link #step(PeerMessage)}, {@link #propose(Proposal)},
 * {@link #persisted(long)}, {@link #snapshotInstalled(long)}, {@link #peerDisconnected(long)}.
 * A restart is a new instance built from the durable state: the epochs, the log (through
 * {@link LogView}) and the zxid the state machine holds.
 *
 * <p>Not thread-safe: driven by one thread at a time (the runtime's driver, or the simulator).
 */
public final class ZabPeer {

    /**
     * A peer starting (or restarting) from its durable state; it is LOOKING until {@link #start()}
     * is called.
     *
     * @param config the ensemble and timing
     * @param epochs the durable acceptedEpoch and currentEpoch
     * @param log the durable log
     * @param lastApplied the zxid up to which the state machine already holds committed txns (a
     *     loaded snapshot, or 0); logged txns above it are delivered only once known committed
     * @param random the seeded source of election jitter
     */
    public ZabPeer(PeerConfig config, EpochState epochs, LogView log, long lastApplied,
            RandomGenerator random) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Enters leader election. */
    public void start() {
        throw new UnsupportedOperationException();
    }

    /** One unit of time passed. */
    public void tick() {
        throw new UnsupportedOperationException();
    }

    /** A message from another peer (addressed to this one). */
    public void step(PeerMessage message) {
        throw new UnsupportedOperationException();
    }

    /**
     * A client write on the serving leader, with a zxid from a {@link ZxidSequence} in the
     * established epoch; zxids must increase.
     *
     * @throws IllegalStateException if this peer is not a leader in BROADCAST, or the zxid is not in
     *     an epoch it may propose in, or does not follow the last proposal
     */
    public void propose(Proposal proposal) {
        throw new UnsupportedOperationException();
    }

    /** The log is durable up to and including {@code zxid}. */
    public void persisted(long zxid) {
        throw new UnsupportedOperationException();
    }

    /** The snapshot asked for by {@link Ready#snapshotToLoad()} is installed and durable. */
    public void snapshotInstalled(long zxid) {
        throw new UnsupportedOperationException();
    }

    /** The transport lost its connection to {@code peerId} (fast failure detection). */
    public void peerDisconnected(long peerId) {
        throw new UnsupportedOperationException();
    }

    /** Whether {@link #ready()} has anything to do. */
    public boolean hasReady() {
        throw new UnsupportedOperationException();
    }

    /** Everything to do since the last {@link #advance()}. */
    public Ready ready() {
        throw new UnsupportedOperationException();
    }

    /** The runtime did everything in the last {@link #ready()}. */
    public void advance() {
        throw new UnsupportedOperationException();
    }

    public Role role() {
        throw new UnsupportedOperationException();
    }

    public Phase phase() {
        throw new UnsupportedOperationException();
    }

    /** The leader this peer follows or is, or 0 when there is none. */
    public long leader() {
        throw new UnsupportedOperationException();
    }

    /** The durable epochs as this peer last asked the runtime to write them. */
    public EpochState epochs() {
        throw new UnsupportedOperationException();
    }

    /** The highest zxid this peer has delivered. */
    public long lastDelivered() {
        throw new UnsupportedOperationException();
    }

    /** A one-paragraph dump for admin commands and traces. */
    public String describe() {
        throw new UnsupportedOperationException();
    }
}
