package io.paddock.zab.peer;

/**
 * How a phase state reaches leader election without its package depending on the election
 * package (election leads to discovery, discovery to sync, sync to broadcast; every phase may go
 * back to election).
 */
@FunctionalInterface
public interface StateFactory {

    /** A fresh LOOKING state; {@code reason} says why, for traces and describe(). */
    PeerState looking(String reason);
}
