package io.paddock.zab.peer;

import io.paddock.zab.message.CEpoch;

/**
 * A leader's view of one learner's session: how far it got through discovery and synchronisation
 * and when the leader last heard from it.
 *
 * <p>Not thread-safe: owned by one leader's states.
 */
public final class LearnerHandle {

    /** How far the learner got, in protocol order. */
    public enum Stage {
        /** CEPOCH received; the leader has not chosen its epoch yet. */
        CONNECTED,
        /** NEWEPOCH sent. */
        EPOCH_SENT,
        /** ACKEPOCH received, synchronisation waits for a quorum of them. */
        EPOCH_ACKED,
        /** The sync stream and NEWLEADER went out; it gets every PROPOSE and COMMIT since. */
        SYNCING,
        /** ACKLD received. */
        SYNCED
    }

    private final long id;
    private final boolean observer;
    private final CEpoch hello;
    private Stage stage = Stage.CONNECTED;
    private long ackCurrentEpoch;
    private long ackLastZxid;
    private long ackedEpoch = -1;
    private long newLeaderZxid = -1;
    private long offeredEpoch = -1;
    private long lastHeard;
    private long lastAcked;

    public LearnerHandle(CEpoch hello, boolean observer, long now) {
        this.id = hello.from();
        this.observer = observer;
        this.hello = hello;
        this.lastHeard = now;
    }

    public long id() {
        return id;
    }

    public boolean observer() {
        return observer;
    }

    /** The CEPOCH that opened this session. */
    public CEpoch hello() {
        return hello;
    }

    public Stage stage() {
        return stage;
    }

    public void stage(Stage value) {
        stage = value;
    }

    /** Whether the learner has its sync stream: it gets every PROPOSE, COMMIT or INFORM since. */
    public boolean streaming() {
        return stage == Stage.SYNCING || stage == Stage.SYNCED;
    }

    public void epochAcked(long epoch, long currentEpoch, long lastZxid) {
        ackedEpoch = Math.max(ackedEpoch, epoch);
        ackCurrentEpoch = currentEpoch;
        ackLastZxid = lastZxid;
    }

    /** The highest epoch this learner acknowledged in this session, -1 if none. */
    public long ackedEpoch() {
        return ackedEpoch;
    }

    public long ackCurrentEpoch() {
        return ackCurrentEpoch;
    }

    public long ackLastZxid() {
        return ackLastZxid;
    }

    /** NEWEPOCH went out for {@code epoch}. */
    public void offered(long epoch) {
        offeredEpoch = epoch;
        stage = Stage.EPOCH_SENT;
    }

    /** The epoch last offered in NEWEPOCH, -1 if none. */
    public long offeredEpoch() {
        return offeredEpoch;
    }

    public long newLeaderZxid() {
        return newLeaderZxid;
    }

    public void newLeaderZxid(long zxid) {
        newLeaderZxid = zxid;
    }

    /** The learner acknowledged {@code zxid}: durable there (its lag, for operators). */
    public void acked(long zxid) {
        lastAcked = Math.max(lastAcked, zxid);
    }

    /** The highest zxid the learner has acknowledged, 0 before its first ACK. */
    public long lastAcked() {
        return lastAcked;
    }

    public long lastHeard() {
        return lastHeard;
    }

    public void heard(long now) {
        lastHeard = now;
    }
}
