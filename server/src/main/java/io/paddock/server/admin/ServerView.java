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
