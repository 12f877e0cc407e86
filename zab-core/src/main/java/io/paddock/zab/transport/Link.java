package io.paddock.zab.transport;

import io.netty.channel.Channel;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Propose;
import io.paddock.zab.message.Relay;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;

/**
 * What this server knows of its connection to one other server: the connection in use, an
 * attempt in flight, the retry timer and the messages waiting for a connection.
 *
 * <p>Not thread-safe: touched only on the election event loop ({@link ElectionLinks}).
 */
final class Link {
    final long id;
    final InetSocketAddress address;
    final Backoff backoff;
    /** Messages waiting for a connection, oldest first; only {@link #queue} and {@link #poll} touch it. */
    final ArrayDeque<PeerMessage> pending = new ArrayDeque<>();
    private long pendingBytes;
    /** The connection messages go over, once both sides said Hello; null while there is none. */
    Channel established;
    /** A connection this server opened that is not (yet) established: a dial or a knock. */
    Channel attempt;
    /** The next dial or knock, if one is scheduled. */
    ScheduledFuture<?> timer;
    /** Whether this server has knocked at the (larger) peer since it started. */
    boolean knocked;

    Link(long id, InetSocketAddress address, Backoff backoff) {
        this.id = id;
        this.address = address;
        this.backoff = backoff;
    }

    /**
     * Keeps {@code m} for when a connection comes, dropping the oldest waiting messages beyond
     * either bound (the core tolerates loss; a peer long gone must not fill the heap).
     */
    void queue(PeerMessage m, int maxMessages, long maxBytes) {
        pending.addLast(m);
        pendingBytes += weight(m);
        while (pending.size() > 1 && (pending.size() > maxMessages || pendingBytes > maxBytes)) {
            pendingBytes -= weight(pending.removeFirst());
        }
    }

    /** The oldest waiting message, or null. */
    PeerMessage poll() {
        PeerMessage m = pending.pollFirst();
        if (m != null) {
            pendingBytes -= weight(m);
        }
        return m;
    }

    void clearPending() {
        pending.clear();
        pendingBytes = 0;
    }

    /** Roughly what a message holds on the heap: its txn's bytes and a fixed overhead. */
    private static long weight(PeerMessage m) {
        if (m instanceof Propose p) {
            return 64L + p.proposal().data().length;
        }
        if (m instanceof Inform i) {
            return 64L + i.proposal().data().length;
        }
        if (m instanceof Relay r) {
            return 64L + r.payload().length;
        }
        return 64L;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
