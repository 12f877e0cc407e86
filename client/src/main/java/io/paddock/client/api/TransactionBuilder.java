package io.paddock.client.api;

import io.paddock.protocol.CreateMode;
import io.paddock.protocol.ACL;
import java.util.List;

/**
 * Collects operations applied atomically by {@link #commit()}: all of them or none. Yields one
 * {@link OpResult} per operation. If one fails, {@code commit} fails with the typed exception of
 * the first failure, whose {@code results()} list every op's outcome. Not retried (a transaction
 * that may have applied must not be applied twice). Not thread-safe.
 */
public interface TransactionBuilder<R> {
    TransactionBuilder<R> create(String path, byte[] data);

    TransactionBuilder<R> create(String path, byte[] data, CreateMode mode);

    TransactionBuilder<R> create(String path, byte[] data, CreateMode mode, List<ACL> acl);

    TransactionBuilder<R> setData(String path, byte[] data);

    TransactionBuilder<R> setData(String path, byte[] data, int version);

    TransactionBuilder<R> check(String path, int version);

    TransactionBuilder<R> delete(String path);

    TransactionBuilder<R> delete(String path, int version);

    R commit();
}
