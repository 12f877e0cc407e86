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
 *
 * <p>The connection's own I/O thread submits its requests; when a ring is full the pipeline
 * holds them in its {@link #backlog()}, stops the connection reading, and later resumes it
 * with a task on that same thread ({@link #runOnIoThread}).
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

    /** This connection's requests waiting for room in the rings. */
    RequestBacklog backlog();

    /** Stops (false) or starts (true) reading from the socket; called on the I/O thread. */
    void setReading(boolean reading);

    /** Runs a task on this connection's I/O thread; dropped if the connection is gone. */
    void runOnIoThread(Runnable task);
}
