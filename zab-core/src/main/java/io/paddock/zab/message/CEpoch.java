package io.paddock.zab.message;

/**
 * CEPOCH (ZooKeeper's FOLLOWERINFO / OBSERVERINFO): a learner connecting to its prospective
 * leader, with its acceptedEpoch and the zxid of its last logged txn.
 */
public record CEpoch(long from, long to, long acceptedEpoch, long lastZxid, boolean observer)
        implements PeerMessage {
}
