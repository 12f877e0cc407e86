package io.paddock.server.admin.console;

import io.paddock.protocol.ConnectResponse;
import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.WatcherEvent;
import io.paddock.server.pipeline.ClientChannel;
import io.paddock.server.pipeline.RequestBacklog;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.pipeline.WriteFence;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Console writes through the standalone server's request pipeline, as internal requests of no
 * session (id 0, so the console cannot create ephemerals) carrying the operator's ids. Each
 * write gets a channel of its own that turns the reply into the completion of a future.
 *
 * <p>Thread-safe. {@link #submit} waits while the request ring is full, as every internal
 * request does; the answer completes on the common fork-join pool, never on the pipeline's
 * reply thread.
 */
public final class PipelineZnodeWriter implements ZnodeWriter {
    private static final long NO_SESSION = 0;

    private final RequestPipeline pipeline;

    public PipelineZnodeWriter(RequestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public CompletionStage<WriteOutcome> submit(int opCode, Record request, List<Id> authInfo) {
        ReplyCatcher channel = new ReplyCatcher();
        pipeline.submitInternal(channel, NO_SESSION, opCode, request, authInfo);
        return channel.outcome;
    }

    /**
     * The pipeline's view of one console write: only its reply matters. Written by the reply
     * thread; the future hands the answer to whoever waits.
     */
    private static final class ReplyCatcher implements ClientChannel {
        private final CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();
        private final WriteFence fence = new WriteFence();
        private final RequestBacklog backlog = new RequestBacklog();

        @Override
        public void writeReply(int xid, long zxid, int err, Record body) {
            // Completed off the reply thread: what waits on the answer (the console's JSON,
            // the HTTP write) must not hold up the replies of client requests.
            WriteOutcome o = new WriteOutcome(err, zxid, body);
            outcome.completeAsync(() -> o);
        }

        @Override
        public void writeConnectResponse(ConnectResponse response) {
            throw new IllegalStateException("a console write opens no session");
        }

        @Override
        public void flush() {
            // nothing is buffered: the reply completed the future
        }

        @Override
        public void closeAfterFlush(String reason) {
            outcome.completeExceptionally(new IllegalStateException(reason));
        }

        @Override
        public WriteFence writeFence() {
            return fence;
        }

        @Override
        public void completed(long latencyNanos) {
            // console writes are not client requests: they stay out of the connection stats
        }

        @Override
        public RequestBacklog backlog() {
            return backlog;
        }

        @Override
        public void setReading(boolean reading) {
            // no socket to stop reading
        }

        @Override
        public void runOnIoThread(Runnable task) {
            task.run();
        }

        @Override
        public long sessionId() {
            return NO_SESSION;
        }

        @Override
        public void sendEvent(WatcherEvent event) {
            // a console write registers no watch
        }

        @Override
        public void close(String reason) {
            outcome.completeExceptionally(new IllegalStateException(reason));
        }
    }
}
