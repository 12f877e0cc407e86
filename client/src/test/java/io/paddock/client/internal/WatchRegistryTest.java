package io.paddock.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.Watcher;
import io.paddock.client.WatcherType;
import io.paddock.protocol.SetWatches2;
import io.paddock.protocol.op.EventType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchRegistryTest {
    private final WatchRegistry registry = new WatchRegistry();
    private final Watcher a = e -> { };
    private final Watcher b = e -> { };

    @Test
    void oneShotWatchesFireOnceAndPersistentOnesStay() {
        registry.register(new WatchRegistration(WatchKind.DATA, "/x", a));
        registry.register(new WatchRegistration(WatchKind.PERSISTENT_RECURSIVE, "/", b));
        assertEquals(Set.of(a, b), registry.materialize(EventType.NODE_DATA_CHANGED, "/x"));
        assertEquals(Set.of(b), registry.materialize(EventType.NODE_DATA_CHANGED, "/x"));
        assertEquals(Set.of(), registry.materialize(EventType.NODE_CHILDREN_CHANGED, "/x"),
                "recursive watches do not see child events");
    }

    @Test
    void aWatcherOnSeveralTablesIsCalledOnce() {
        registry.register(new WatchRegistration(WatchKind.DATA, "/x", a));
        registry.register(new WatchRegistration(WatchKind.CHILD, "/x", a));
        assertEquals(1, registry.materialize(EventType.NODE_DELETED, "/x").size());
        assertTrue(registry.isEmpty());
    }

    @Test
    void removalAndResetListsFollowTheTables() {
        registry.register(new WatchRegistration(WatchKind.EXIST, "/e", a));
        registry.register(new WatchRegistration(WatchKind.CHILD, "/c", a));
        registry.register(new WatchRegistration(WatchKind.PERSISTENT, "/p", b));
        SetWatches2 reset = registry.toSetWatches(42);
        assertEquals(42, reset.relativeZxid());
        assertEquals(List.of("/e"), reset.existWatches());
        assertEquals(List.of("/c"), reset.childWatches());
        assertEquals(List.of("/p"), reset.persistentWatches());
        assertEquals(List.of(WatchKind.CHILD), registry.remove("/c", a, WatcherType.ANY));
        assertEquals(List.of(), registry.remove("/c", a, WatcherType.ANY));
        assertEquals(Set.of(a, b), registry.clear());
        assertTrue(registry.isEmpty());
    }
}
