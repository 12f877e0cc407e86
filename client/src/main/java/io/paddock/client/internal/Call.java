package io.paddock.client.internal;

import io.paddock.protocol.Record;
import java.util.concurrent.CompletableFuture;

/**
 * One request in flight: what to send, how to read its reply, which watch the reply registers,
 * and the future it completes. The future completes on the I/O thread; public futures are
 * re-completed on the event thread by {@link ClientCore#toUser}.
 *
 * <p>Confined to the I/O thread once submitted.
 */
final class Call<T> {
    final int opCode;
    final Record request;
    final ResponseReader<T> reader;
    final WatchRegistration watch;
    /** The path as the caller named it, for exception messages. */
    final String path;
    /** exists(): NO_NODE is an answer (null), and leaves an exist watch. */
    final boolean nullOnNoNode;
    final CompletableFuture<T> future = new CompletableFuture<>();
    int xid;

    Call(int opCode, Record request, ResponseReader<T> reader, WatchRegistration watch,
            String path, boolean nullOnNoNode) {
        this.opCode = opCode;
        this.request = request;
        this.reader = reader;
        this.watch = watch;
        this.path = path;
        this.nullOnNoNode = nullOnNoNode;
    }
}
