package io.paddock.server.jmx;

/**
 * [ensemble] This server as a member of an ensemble ({@code io.paddock:server=<port>,type=Peer}),
 * registered only when it is one.
 */
public interface PeerMXBean {
    /** leader, follower, observer, or looking while it serves no client. */
    String getRole();

    /** ZooKeeper's detailed peer state, e.g. {@code leading - broadcast}. */
    String getPeerState();

    long getEpoch();

    /** The last zxid durable in the txn log, 0x-prefixed hex. */
    String getLastLoggedZxid();

    /** The last zxid applied to the tree, 0x-prefixed hex. */
    String getLastAppliedZxid();

    /** On the leader, each learner: id, type, whether synced, ticks since last heard. */
    String[] getLearners();
}
