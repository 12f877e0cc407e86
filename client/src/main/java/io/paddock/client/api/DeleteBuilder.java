package io.paddock.client.api;

/**
 * Deletes a node; yields null ({@code Void}). Retried under the client's retry policy; a retry
 * that finds the node already gone counts as success, since the first attempt may have applied.
 */
public interface DeleteBuilder<R> {
    /**
     * If the delete still fails for connection reasons after the retries, keeps trying in the
     * background after every reconnect until the node is gone (the caller still sees the error).
     */
    DeleteBuilder<R> guaranteed();

    /** Deletes the node's descendants first. */
    DeleteBuilder<R> deletingChildrenIfNeeded();

    DeleteBuilder<R> withVersion(int version);

    R forPath(String path);
}
