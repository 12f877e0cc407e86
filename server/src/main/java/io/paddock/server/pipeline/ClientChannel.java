package io.paddock.server.pipeline;

import io.paddock.protocol.ConnectResponse;
import io.paddock.protocol.Record;
import io.paddock.server.session.SessionConnection;
import io.paddock.server.watch.Watcher;

/**
 * The pipeline's view of one client connection: where replies and watch events go.
 *
 * <p>Writes may come from the reply thread (only that one thread besides the connection's own
 * I/O thread, which lets an implementation gather the reply thread's frames unlocked); each
 * call writes one whole frame, and nothing reaches the socket until {@link #flush()}, which the
 * reply stage calls once per connection per Disruptor batch.
 */
public interface ClientChannel extends Watcher, SessionConnection {
    void writeReply(int xid, long zxid, int err, Record body);

    void writeConnectResponse(ConnectResponse response);

    void flush();

    /** Flushes what is written, then closes; used after a closeSession reply. */
    void closeAfterFlush(String reason);

    /** This connection's writes in flight, which its reads must not overtake. */
    WriteFence writeFence();

    /** Called once per request answered, for the cons and stat four-letter words. */
    void completed(long latencyNanos);
}
