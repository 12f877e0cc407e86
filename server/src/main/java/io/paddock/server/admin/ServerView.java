package io.paddock.server.admin;

import io.paddock.server.config.ServerConfig;
import io.paddock.server.metrics.ServerStats;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the four-letter words may read of a running server. Implementations are thread-safe. */
public interface ServerView {
    ServerConfig config();

    ServerStats stats();

    long lastZxid();

    /**
     * [ensemble] ZooKeeper's server state: standalone, leader, follower or observer; null while
     * a member of an ensemble serves no one (no leader).
     */
    default String mode() {
        return "standalone";
    }

    /** [ensemble] ZooKeeper's mntr keys of a member (zk_peer_state, and the leader's learner counts). */
    default java.util.Map<String, Object> quorumValues() {
        return java.util.Map.of();
    }

    int nodeCount();

    long approximateDataSize();

    long outstandingRequests();

    /** One line per connection in ZooKeeper's cons format, without the leading space. */
    List<String> connectionLines();

    void resetConnectionStats();

    int connectionCount();

    int sessionCount();

    int watchCount();

    int watchedPathCount();

    int watcherCount();

    Map<Long, Set<String>> ephemeralsBySession();
}
