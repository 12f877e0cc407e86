package io.paddock.zab.message;

/** NEWEPOCH (ZooKeeper's LEADERINFO): the epoch the prospective leader will lead. */
public record NewEpoch(long from, long to, long epoch) implements PeerMessage {
}
