package io.paddock.zab.message;

import io.paddock.zab.Role;

/**
 * Fast leader election's notification: the sender's current vote, its election round (logical
 * clock) and its state, so a LOOKING peer can learn of an established leader from peers that are
 * FOLLOWING or LEADING.
 */
public record Notification(long from, long to, Vote vote, long round, Role state)
        implements PeerMessage {
}
