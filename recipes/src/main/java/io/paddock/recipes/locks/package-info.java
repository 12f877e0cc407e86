/**
 * Locks across processes: {@link io.paddock.recipes.locks.InterProcessMutex} (re-entrant),
 * {@link io.paddock.recipes.locks.InterProcessReadWriteLock} and
 * {@link io.paddock.recipes.locks.InterProcessSemaphore} (leases). Contenders are ephemeral
 * sequential nodes with protected names; each waiter watches only the node it waits for.
 */
package io.paddock.recipes.locks;
