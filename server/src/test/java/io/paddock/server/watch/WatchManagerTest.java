package io.paddock.server.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.ACL;
import io.paddock.protocol.WatcherEvent;
import io.paddock.protocol.op.EventType;
import io.paddock.protocol.op.KeeperState;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchManagerTest {
    private static final List<ACL> OPEN = ACL.OPEN_ACL_UNSAFE;
    private final WatchManager wm = new WatchManager();
    private final RecordingWatcher w1 = new RecordingWatcher(1);
    private final RecordingWatcher w2 = new RecordingWatcher(2);

    private static String show(List<Notification> ns) {
        StringBuilder sb = new StringBuilder();
        for (Notification n : ns) {
            WatcherEvent e = n.event();
            assertEquals(KeeperState.SYNC_CONNECTED, e.state());
            sb.append(n.watcher().sessionId()).append(':').append(e.type()).append(':')
                    .append(e.path()).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void dataWatchFiresOnceOnDataChange() {
        wm.addDataWatch("/a", w1);
        assertEquals("1:3:/a", show(wm.nodeDataChanged("/a", OPEN)));
        assertEquals("", show(wm.nodeDataChanged("/a", OPEN)));
        assertEquals(0, wm.watchCount());
    }

    @Test
    void existsWatchOnMissingNodeFiresOnCreateAndParentChildWatchFires() {
        wm.addDataWatch("/a/b", w1);
        wm.addChildWatch("/a", w2);
        assertEquals("1:1:/a/b 2:4:/a", show(wm.nodeCreated("/a/b", OPEN, "/a", OPEN)));
        assertEquals(0, wm.watchCount());
    }

    @Test
    void deleteFiresDataAndChildWatchesOncePerWatcherAndParentChildren() {
        wm.addDataWatch("/a/b", w1);
        wm.addChildWatch("/a/b", w1);
        wm.addChildWatch("/a/b", w2);
        wm.addChildWatch("/a", w2);
        assertEquals("1:2:/a/b 2:2:/a/b 2:4:/a",
                show(wm.nodeDeleted("/a/b", OPEN, "/a", OPEN)));
        assertEquals(0, wm.watchCount());
    }

    @Test
    void childWatchDoesNotFireOnDataChange() {
        wm.addChildWatch("/a", w1);
        assertEquals("", show(wm.nodeDataChanged("/a", OPEN)));
        assertEquals(1, wm.watchCount());
    }

    @Test
    void persistentWatchStaysAndSeesDataAndChildEventsOfItsNodeOnly() {
        wm.addPersistentWatch("/a", w1, WatcherMode.PERSISTENT);
        assertEquals("1:3:/a", show(wm.nodeDataChanged("/a", OPEN)));
        assertEquals("1:3:/a", show(wm.nodeDataChanged("/a", OPEN)));
        assertEquals("1:4:/a", show(wm.nodeCreated("/a/b", OPEN, "/a", OPEN)));
        assertEquals("", show(wm.nodeDataChanged("/a/b", OPEN)));
        assertEquals("1:2:/a", show(wm.nodeDeleted("/a", OPEN, "/", OPEN)));
        assertEquals(2, wm.watchCount());
    }

    @Test
    void recursiveWatchSeesDescendantsButNeverChildrenChanged() {
        wm.addPersistentWatch("/a", w1, WatcherMode.PERSISTENT_RECURSIVE);
        assertEquals("1:1:/a/b", show(wm.nodeCreated("/a/b", OPEN, "/a", OPEN)));
        assertEquals("1:1:/a/b/c", show(wm.nodeCreated("/a/b/c", OPEN, "/a/b", OPEN)));
        assertEquals("1:3:/a/b/c", show(wm.nodeDataChanged("/a/b/c", OPEN)));
        assertEquals("1:3:/a", show(wm.nodeDataChanged("/a", OPEN)));
        assertEquals("1:2:/a/b/c", show(wm.nodeDeleted("/a/b/c", OPEN, "/a/b", OPEN)));
        assertEquals("", show(wm.nodeDataChanged("/ab", OPEN)));
        assertEquals(1, wm.watchCount());
    }

    @Test
    void watcherRegisteredSeveralWaysGetsOneEvent() {
        wm.addPersistentWatch("/", w1, WatcherMode.PERSISTENT_RECURSIVE);
        wm.addPersistentWatch("/a", w1, WatcherMode.PERSISTENT_RECURSIVE);
        wm.addDataWatch("/a/b", w1);
        assertEquals("1:3:/a/b", show(wm.nodeDataChanged("/a/b", OPEN)));
        assertEquals(2, wm.watchCount());
    }

    @Test
    void checkAndRemoveByType() {
        wm.addDataWatch("/a", w1);
        wm.addChildWatch("/a", w1);
        wm.addPersistentWatch("/p", w1, WatcherMode.PERSISTENT);
        wm.addPersistentWatch("/r", w1, WatcherMode.PERSISTENT_RECURSIVE);
        assertTrue(wm.containsWatch("/a", WatcherType.DATA, w1));
        assertTrue(wm.containsWatch("/a", WatcherType.CHILDREN, w1));
        assertFalse(wm.containsWatch("/a", WatcherType.DATA, w2));
        assertFalse(wm.containsWatch("/p", WatcherType.DATA, w1));
        assertTrue(wm.containsWatch("/p", WatcherType.ANY, w1));
        assertTrue(wm.containsWatch("/r", WatcherType.PERSISTENT_RECURSIVE, w1));
        assertTrue(wm.removeWatch("/a", WatcherType.DATA, w1));
        assertFalse(wm.removeWatch("/a", WatcherType.DATA, w1));
        assertEquals("", show(wm.nodeDataChanged("/a", OPEN)));
        assertTrue(wm.removeWatch("/a", WatcherType.ANY, w1));
        assertFalse(wm.removeWatch("/a", WatcherType.ANY, w1));
        assertTrue(wm.removeWatch("/p", WatcherType.PERSISTENT, w1));
        assertEquals("", show(wm.nodeDataChanged("/p", OPEN)));
        assertTrue(wm.removeWatch("/r", WatcherType.ANY, w1));
        assertEquals("", show(wm.nodeCreated("/r/x", OPEN, "/r", OPEN)));
        assertEquals(0, wm.watchCount());
    }

    @Test
    void closedConnectionLosesEveryWatchAndCountsFollow() {
        wm.addDataWatch("/a", w1);
        wm.addChildWatch("/a", w1);
        wm.addPersistentWatch("/b", w1, WatcherMode.PERSISTENT);
        wm.addDataWatch("/a", w2);
        assertEquals(5, wm.watchCount());
        assertEquals(2, wm.watchedPathCount());
        assertEquals(2, wm.watcherCount());
        assertEquals(java.util.Map.of("/a", java.util.Set.of(1L, 2L), "/b", java.util.Set.of(1L)),
                wm.sessionsByPath());
        assertEquals(java.util.Map.of(1L, java.util.Set.of("/a", "/b"), 2L, java.util.Set.of("/a")),
                wm.pathsBySession());
        assertEquals("2 connections watching 2 paths\nTotal watches:5", wm.describe());
        wm.removeWatcher(w1);
        assertEquals(1, wm.watchCount());
        assertEquals(1, wm.watchedPathCount());
        assertEquals(1, wm.watcherCount());
        assertEquals("2:3:/a", show(wm.nodeDataChanged("/a", OPEN)));
    }

    @Test
    void eventsSkipWatchersThatMayNotRead() {
        RecordingWatcher blind = new RecordingWatcher(3, acl -> false);
        wm.addPersistentWatch("/", blind, WatcherMode.PERSISTENT_RECURSIVE);
        assertEquals("", show(wm.nodeCreated("/secret", OPEN, "/", OPEN)));
        assertEquals(1, wm.watchCount());
    }

    @Test
    void notificationDeliversToItsWatcher() {
        wm.addDataWatch("/a", w1);
        wm.nodeDataChanged("/a", OPEN).forEach(Notification::deliver);
        assertEquals(List.of(new WatcherEvent(EventType.NODE_DATA_CHANGED,
                KeeperState.SYNC_CONNECTED, "/a")), w1.events);
    }

    @Test
    void addWatchRejectsStandardMode() {
        assertThrows(IllegalArgumentException.class,
                () -> wm.addPersistentWatch("/a", w1, WatcherMode.STANDARD));
    }
}
