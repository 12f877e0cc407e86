package io.paddock.client.api;

/**
 * Waits until the server this client talks to has applied every write the leader committed
 * before the sync; yields null ({@code Void}).
 */
public interface SyncBuilder<R> {
    R forPath(String path);
}
