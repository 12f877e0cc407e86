package io.paddock.zab.message;

/**
 * A vote in leader election: the proposed leader and the freshness of its history. Votes are
 * ordered by epoch, then zxid, then server id (ZooKeeper's {@code totalOrderPredicate}).
 */
public record Vote(long leader, long zxid, long epoch) implements Comparable<Vote> {

    @Override
    public int compareTo(Vote other) {
        int c = Long.compare(epoch, other.epoch);
        if (c == 0) {
            c = Long.compare(zxid, other.zxid);
        }
        return c != 0 ? c : Long.compare(leader, other.leader);
    }
}
