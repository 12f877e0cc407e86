package io.paddock.server.watch;

import io.paddock.protocol.ACL;
import io.paddock.protocol.WatcherEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A watcher for tests: remembers what it was sent; may be told to refuse some ACLs. */
public final class RecordingWatcher implements Watcher {
    public final List<WatcherEvent> events = new ArrayList<>();
    private final long sessionId;
    private final Predicate<List<ACL>> mayRead;

    public RecordingWatcher(long sessionId) {
        this(sessionId, acl -> true);
    }

    public RecordingWatcher(long sessionId, Predicate<List<ACL>> mayRead) {
        this.sessionId = sessionId;
        this.mayRead = mayRead;
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public void sendEvent(WatcherEvent event) {
        events.add(event);
    }

    @Override
    public boolean mayRead(List<ACL> acl) {
        return mayRead.test(acl);
    }
}
