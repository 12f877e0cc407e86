package io.paddock.server.admin.console;

import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the console's writes go: into the server's own request path, so that a console write
 * takes a zxid, is logged and fsynced, fires watches and is checked against the node's ACL
 * exactly as a client's would be. A standalone server submits to its pipeline
 * ({@link PipelineZnodeWriter}); a follower, once ensembles exist, must forward to its leader
 * instead, which is why the console sees only this interface.
 *
 * <p>Implementations are thread-safe.
 */
public interface ZnodeWriter {
    /** A writer for a server that takes no writes: every one completes with an error. */
    ZnodeWriter NONE = (opCode, request, authInfo) -> CompletableFuture.failedFuture(
            new IllegalStateException("this server takes no console writes"));

    /**
     * Submits a write ({@code create}, {@code setData}, {@code delete} and their records) as a
     * session holding {@code authInfo} would send it; completes with the server's answer.
     */
    CompletionStage<WriteOutcome> submit(int opCode, Record request, List<Id> authInfo);

    /**
     * The server's answer to one write.
     *
     * @param error the ZooKeeper error code, 0 for success
     * @param zxid the zxid the reply carries
     * @param response the response record on success, else null
     */
    record WriteOutcome(int error, long zxid, Record response) {
    }
}
