package io.paddock.client.api;

/** Replaces a node's data, yielding its new Stat; retried under the client's retry policy. */
public interface SetDataBuilder<R> {
    /** Succeeds only if the node's data version is {@code version}; -1 (the default) for any. */
    SetDataBuilder<R> withVersion(int version);

    R forPath(String path, byte[] data);
}
