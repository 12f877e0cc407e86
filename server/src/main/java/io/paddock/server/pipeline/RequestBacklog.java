package io.paddock.server.pipeline;

import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One connection's requests that were read while the rings had no room for them, in arrival
 * order. They go into the pipeline before anything the connection reads later, and while any
 * wait the connection does not read from its socket (its I/O thread never blocks on a ring).
 *
 * <p>Not thread-safe: only the connection's I/O thread touches it.
 */
public final class RequestBacklog {
    /** A decoded request, held as {@link RequestPipeline#submit} received it. */
    record Waiting(long sessionId, int xid, int opCode, Record request, List<Id> authInfo,
            boolean readOnlyClient, long receivedNanos) {
    }

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    void add(Waiting w) {
        waiting.addLast(w);
    }

    Waiting peek() {
        return waiting.peekFirst();
    }

    void remove() {
        waiting.removeFirst();
    }

    /** The connection is gone: what it sent but we never took is dropped, as if never read. */
    void clear() {
        waiting.clear();
    }

    int size() {
        return waiting.size();
    }
}
