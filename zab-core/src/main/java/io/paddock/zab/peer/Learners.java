package io.paddock.zab.peer;

import io.paddock.zab.Role;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A leader's learners, one session each, kept across the leader's phases (late learners go
 * through discovery and synchronisation while the leader broadcasts). Iterates in id order, so a
 * seeded run sends the same messages in the same order every time.
 *
 * <p>Not thread-safe: owned by one leader's states.
 */
public final class Learners {
    private final PeerContext ctx;
    private final Map<Long, LearnerHandle> handles = new TreeMap<>();
    private long lastPing;

    public Learners(PeerContext ctx) {
        this.ctx = ctx;
        this.lastPing = ctx.now();
    }

    public LearnerHandle get(long id) {
        return handles.get(id);
    }

    /** What operators see of each learner. */
    public java.util.List<io.paddock.zab.LearnerStatus> statuses() {
        return all().stream().map(h -> new io.paddock.zab.LearnerStatus(h.id(), h.observer(),
                h.stage() == LearnerHandle.Stage.SYNCED, h.lastHeard(), h.lastAcked())).toList();
    }

    public Collection<LearnerHandle> all() {
        return handles.values();
    }

    /**
     * Opens a session for this CEPOCH, replacing any earlier one of that learner; returns null if it
     * is a copy of the CEPOCH that opened the current session (a duplicated message).
     */
    public LearnerHandle connect(CEpoch hello) {
        LearnerHandle current = handles.get(hello.from());
        if (current != null && current.hello().equals(hello)) {
            return null;
        }
        LearnerHandle handle = new LearnerHandle(hello, !ctx.isVoter(hello.from()), ctx.now());
        handles.put(hello.from(), handle);
        return handle;
    }

    /**
     * Bookkeeping every leader phase does for any message: a learner heard from is alive, and one
     * that is LOOKING again has left its session (it will open a new one with a new CEPOCH).
     */
    public void observe(PeerMessage message) {
        LearnerHandle handle = handles.get(message.from());
        if (handle == null) {
            return;
        }
        if (message instanceof Notification n && n.state() == Role.LOOKING) {
            handles.remove(message.from());
        } else {
            handle.heard(ctx.now());
        }
    }

    /**
     * Ends the sessions of learners silent for too long (syncLimit once synced, initLimit before):
     * they have left or cannot be heard, and sending them every proposal is waste. They come back
     * with a new CEPOCH.
     */
    public void dropSilent() {
        int synced = ctx.config().syncLimitTicks();
        int syncing = ctx.config().initLimitTicks();
        handles.values().removeIf(h -> ctx.now() - h.lastHeard()
                > (h.stage() == LearnerHandle.Stage.SYNCED ? synced : syncing));
    }

    public void remove(long id) {
        handles.remove(id);
    }

    /** Sends the heartbeat to every learner once per ping interval. */
    public void pingIfDue() {
        if (ctx.now() - lastPing < ctx.config().pingIntervalTicks()) {
            return;
        }
        lastPing = ctx.now();
        for (LearnerHandle handle : handles.values()) {
            ctx.send(new Ping(ctx.myId(), handle.id()));
        }
    }

    /** The voting learners whose sessions match {@code filter}. */
    public List<Long> voters(Predicate<LearnerHandle> filter) {
        List<Long> ids = new ArrayList<>();
        for (LearnerHandle handle : handles.values()) {
            if (!handle.observer() && filter.test(handle)) {
                ids.add(handle.id());
            }
        }
        return ids;
    }

    /** The learners whose sessions match {@code filter}, in id order. */
    public List<LearnerHandle> matching(Predicate<LearnerHandle> filter) {
        List<LearnerHandle> list = new ArrayList<>();
        for (LearnerHandle handle : handles.values()) {
            if (filter.test(handle)) {
                list.add(handle);
            }
        }
        return list;
    }

    /** A short summary for describe(): each learner's id and stage. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (LearnerHandle handle : handles.values()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(handle.id()).append(handle.observer() ? "(obs)" : "").append('=')
                    .append(handle.stage());
        }
        return out.append('}').toString();
    }
}
