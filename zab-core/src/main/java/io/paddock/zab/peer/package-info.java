/**
 * The core's internals shared by its phases: the peer's history (its log as the protocol sees it),
 * the outbox that becomes a {@link io.paddock.zab.Ready}, the context every phase state reads and
 * the leader's view of its learners. Not an API: runtimes and the simulator use
 * {@link io.paddock.zab.ZabPeer} only. Pure: no I/O, threads or clock.
 */
package io.paddock.zab.peer;
