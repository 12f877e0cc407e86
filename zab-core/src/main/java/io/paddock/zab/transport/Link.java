package io.paddock.zab.transport;

import io.netty.channel.Channel;
import io.paddock.zab.message.PeerMessage;
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
    final ArrayDeque<PeerMessage> pending = new ArrayDeque<>();
    /** The connection messages go over, once both sides said Hello; null while there is none. */
    Channel established;
    /** A connection this server opened that is not (yet) established: a dial or a knock. */
    Channel attempt;
    /** The next dial or knock, if one is scheduled. */
    ScheduledFuture<?> timer;

    Link(long id, InetSocketAddress address, Backoff backoff) {
        this.id = id;
        this.address = address;
        this.backoff = backoff;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
