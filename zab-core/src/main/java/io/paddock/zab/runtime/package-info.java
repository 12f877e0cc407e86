/**
 * The runtime around the pure core: threads, disk and network.
 *
 * <p>{@link io.paddock.zab.runtime.ZabRuntime} runs one peer of an ensemble: a driver thread that
 * owns the {@link io.paddock.zab.ZabPeer} and carries out each {@link io.paddock.zab.Ready} in its
 * contract's order, a persist thread that group-commits the txn log, a ticker, and a
 * {@link io.paddock.zab.transport.Transport}. Committed txns go to a
 * {@link io.paddock.zab.runtime.StateMachine}; role changes to
 * {@link io.paddock.zab.runtime.RoleListener}s.
 *
 * <p>{@link io.paddock.zab.runtime.PeerDriver} is the synchronous driver the standalone server
 * uses on its persist thread (a quorum of one, no network).
 */
package io.paddock.zab.runtime;
