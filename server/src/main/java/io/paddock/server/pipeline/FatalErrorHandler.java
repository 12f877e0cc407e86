package io.paddock.server.pipeline;

/**
 * Where the pipeline reports an error it must not survive: the txn log failed to append or
 * flush (nothing of that batch may be acknowledged, and nothing after it logged), or a logged
 * txn threw while being applied (a bug: the tree may be half changed). By the time this is
 * called every stage has stopped logging, applying and answering; the owner stops serving.
 *
 * <p>Called at most once, on the failing stage's thread: an implementation must hand the
 * shutdown to another thread, since closing the pipeline from a stage would wait for itself.
 */
@FunctionalInterface
public interface FatalErrorHandler {
    /**
     * @param where the stage and request that failed, for an operator
     * @param cause what the log or the apply code threw
     */
    void fatal(String where, Throwable cause);
}
