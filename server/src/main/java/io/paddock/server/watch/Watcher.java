package io.paddock.server.watch;

import io.paddock.protocol.ACL;
import io.paddock.protocol.WatcherEvent;
import java.util.List;

/**
 * The receiving end of watch events: a client connection. Identity is object identity, so
 * a reconnecting session registers its watches again under its new connection.
 *
 * <p>{@link #sendEvent} is called from the pipeline's reply thread, which delivers the events
 * the apply thread collected.
 */
public interface Watcher {
    long sessionId();

    void sendEvent(WatcherEvent event);

    /**
     * Whether this watcher may learn about a change of a node with the given ACL. ZooKeeper
     * 3.9 checks READ before delivering an event (so a recursive watch does not leak the
     * names of unreadable descendants); a connection answers with its session's auth ids.
     * The default delivers everything.
     */
    default boolean mayRead(List<ACL> acl) {
        return true;
    }
}
