package io.paddock.recipes.leader;

/**
 * Told when a {@link LeaderLatch} gains or loses leadership; on the client's event thread, in
 * order, alternating. Must not block.
 */
public interface LeaderLatchListener {
    void isLeader();

    void notLeader();
}
