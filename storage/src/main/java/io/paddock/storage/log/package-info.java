/**
 * The append-only transaction log: {@link io.paddock.storage.log.TxnLog} and its implementations.
 *
 * <p>The persist stage of the request pipeline appends each txn of a batch and calls
 * {@link io.paddock.storage.log.TxnLog#flush()} once at the end of the batch (group commit); only
 * then does it report the batch as persisted.
 */
package io.paddock.storage.log;
