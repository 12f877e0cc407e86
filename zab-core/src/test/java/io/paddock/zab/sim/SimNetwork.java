package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.PeerMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The simulated network: one FIFO channel per ordered pair of peers, each message delayed by a
 * random amount but never overtaking an earlier one on its channel; messages may be dropped or
 * duplicated; links may be cut one way or both (a partition); a cut link breaks its connection,
 * so what was in flight is lost or turns stale and may still arrive later, after messages of the
 * next connection (reordering across a reconnect).
 *
 * <p>With every delay zero and no faults it is a plain set of FIFO queues that a script drains
 * by hand ({@link #take}).
 *
 * <p>Not thread-safe: driven by the simulator's single thread.
 */
public final class SimNetwork {

    /** What became of a sent message. */
    enum SendResult { QUEUED, DUPLICATED, DROPPED, CUT }

    private final RandomGenerator random;
    private final NetworkFaults faults;
    private final TreeSet<Envelope> inFlight = new TreeSet<>();
    private final boolean[][] down;
    private final long[][] lastDeliverAt;
    private long nextSeq;
    private long delivered;
    private long dropped;
    private long duplicated;

    /**
     * @param maxId the highest peer id
     * @param faults the fault knobs, read at every send (the simulator turns them off to heal)
     */
    public SimNetwork(int maxId, RandomGenerator random, NetworkFaults faults) {
        this.random = random;
        this.faults = faults;
        this.down = new boolean[maxId + 1][maxId + 1];
        this.lastDeliverAt = new long[maxId + 1][maxId + 1];
    }

    /** Sends a message at {@code now}; {@code snapshot} travels with a SNAP, else null. */
    SendResult send(PeerMessage message, List<Proposal> snapshot, long now) {
        int from = (int) message.from();
        int to = (int) message.to();
        if (down[from][to]) {
            dropped++;
            return SendResult.CUT;
        }
        if (faults.dropRate > 0 && random.nextDouble() < faults.dropRate) {
            dropped++;
            return SendResult.DROPPED;
        }
        enqueue(message, snapshot, now, from, to);
        if (faults.duplicateRate > 0 && random.nextDouble() < faults.duplicateRate) {
            duplicated++;
            enqueue(message, snapshot, now, from, to);
            return SendResult.DUPLICATED;
        }
        return SendResult.QUEUED;
    }

    private void enqueue(PeerMessage message, List<Proposal> snapshot, long now, int from, int to) {
        long delay = faults.maxDelay <= faults.minDelay ? faults.minDelay
                : faults.minDelay + random.nextLong(faults.maxDelay - faults.minDelay + 1);
        long at = Math.max(now + delay, lastDeliverAt[from][to]);
        lastDeliverAt[from][to] = at;
        inFlight.add(new Envelope(message, snapshot, nextSeq++, at, false));
    }

    /** When the next message is due, or {@code Long.MAX_VALUE}. */
    long nextDue() {
        return inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.first().deliverAt();
    }

    /**
     * Removes the next message due and returns it, or null if none is in flight. A stale message
     * whose link is cut by now is lost: {@link #deliverable} says so.
     */
    Envelope poll() {
        return inFlight.pollFirst();
    }

    /** Whether a polled message reaches its peer (its link is up); counts it either way. */
    boolean deliverable(Envelope envelope) {
        if (down[(int) envelope.from()][(int) envelope.to()]) {
            dropped++;
            return false;
        }
        delivered++;
        return true;
    }

    /** Whether the link from {@code from} to {@code to} is cut. */
    boolean isCut(long from, long to) {
        return down[(int) from][(int) to];
    }

    /**
     * Cuts the link one way. Its connection breaks: each message in flight on it is lost or,
     * with the stale rate, turns stale (it may arrive once the link heals, after newer ones).
     *
     * @return whether the link was up before
     */
    boolean cut(long from, long to, long now) {
        if (down[(int) from][(int) to]) {
            return false;
        }
        down[(int) from][(int) to] = true;
        breakConnection(from, to, now);
        return true;
    }

    /** Heals the link one way; returns whether it was cut. */
    boolean heal(long from, long to) {
        boolean was = down[(int) from][(int) to];
        down[(int) from][(int) to] = false;
        return was;
    }

    /** Heals every link. */
    void healAll() {
        for (boolean[] row : down) {
            Arrays.fill(row, false);
        }
    }

    /**
     * A peer crashed: what was on its way to it is gone; what it sent breaks like a cut
     * connection (lost, or stale).
     */
    void crashed(long peer, long now) {
        for (int other = 0; other < down.length; other++) {
            breakConnection(peer, other, now);
        }
        inFlight.removeIf(e -> {
            if (e.to() == peer) {
                dropped++;
                return true;
            }
            return false;
        });
        for (int other = 0; other < down.length; other++) {
            lastDeliverAt[other][(int) peer] = 0;
        }
    }

    private void breakConnection(long from, long to, long now) {
        List<Envelope> moved = new ArrayList<>();
        Iterator<Envelope> it = inFlight.iterator();
        while (it.hasNext()) {
            Envelope e = it.next();
            if (e.from() == from && e.to() == to && !e.stale()) {
                it.remove();
                if (faults.staleRate > 0 && random.nextDouble() < faults.staleRate) {
                    long late = now + 1 + random.nextLong(Math.max(1, faults.staleDelay));
                    moved.add(e.at(Math.max(late, e.deliverAt()), true));
                } else {
                    dropped++;
                }
            }
        }
        inFlight.addAll(moved);
        lastDeliverAt[(int) from][(int) to] = 0;
    }

    /**
     * Removes and returns the first message in flight from {@code from} to {@code to} (in channel
     * order) that {@code filter} accepts, or null; it may overtake earlier ones on purpose.
     */
    Envelope take(long from, long to, Predicate<PeerMessage> filter) {
        Iterator<Envelope> it = inFlight.iterator();
        while (it.hasNext()) {
            Envelope e = it.next();
            if (e.from() == from && e.to() == to && filter.test(e.message())) {
                it.remove();
                delivered++;
                return e;
            }
        }
        return null;
    }

    /** Sends a second copy of the first message in flight from {@code from} to {@code to} that {@code filter} accepts. */
    Envelope duplicate(long from, long to, Predicate<PeerMessage> filter, long now) {
        for (Envelope e : inFlight) {
            if (e.from() == from && e.to() == to && filter.test(e.message())) {
                duplicated++;
                enqueue(e.message(), e.snapshot(), now, (int) from, (int) to);
                return e;
            }
        }
        return null;
    }

    /** Removes every message in flight that {@code filter} accepts; returns them. */
    List<Envelope> dropWhere(Predicate<Envelope> filter) {
        List<Envelope> out = new ArrayList<>();
        Iterator<Envelope> it = inFlight.iterator();
        while (it.hasNext()) {
            Envelope e = it.next();
            if (filter.test(e)) {
                it.remove();
                out.add(e);
                dropped++;
            }
        }
        return out;
    }

    /** The messages in flight, in delivery order (a copy). */
    List<Envelope> inFlight() {
        return new ArrayList<>(inFlight);
    }

    boolean isEmpty() {
        return inFlight.isEmpty();
    }

    long deliveredCount() {
        return delivered;
    }

    long droppedCount() {
        return dropped;
    }

    long duplicatedCount() {
        return duplicated;
    }
}
