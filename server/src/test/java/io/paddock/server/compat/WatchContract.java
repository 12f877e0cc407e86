package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** One-shot, persistent and recursive watches; their ordering against replies; re-registration. */
abstract class WatchContract extends CompatTestBase {

    private static String describe(WatchedEvent event) {
        return event.getType() + " " + event.getPath();
    }

    @Test
    void dataWatchFiresOnceForTwoChanges() throws Exception {
        ZooKeeper writer = connect();
        EventRecorder recorder = new EventRecorder();
        ZooKeeper reader = connect(recorder);
        create(writer, "/n", "0");
        reader.getData("/n", true, null);

        writer.setData("/n", bytes("1"), -1);
        writer.setData("/n", bytes("2"), -1);
        drainEvents(reader);

        assertEquals(List.of("NodeDataChanged /n"), recorder.drain().stream().map(WatchContract::describe).toList());
    }

    @Test
    void existsWatchSeesCreationAndDeletion() throws Exception {
        ZooKeeper writer = connect();
        EventRecorder recorder = new EventRecorder();
        ZooKeeper reader = connect(recorder);

        assertNull(reader.exists("/n", true));
        create(writer, "/n", "");
        assertEquals("NodeCreated /n", describe(recorder.next()));

        assertNotNull(reader.exists("/n", true));
        writer.delete("/n", -1);
        assertEquals("NodeDeleted /n", describe(recorder.next()));
    }

    @Test
    void dataWatchSeesDeletion() throws Exception {
        ZooKeeper writer = connect();
        EventRecorder recorder = new EventRecorder();
        ZooKeeper reader = connect(recorder);
        create(writer, "/n", "");
        reader.getData("/n", true, null);

        writer.delete("/n", -1);

        WatchedEvent event = recorder.next();
        assertEquals("NodeDeleted /n", describe(event));
        assertEquals(KeeperState.SyncConnected, event.getState());
    }

    @Test
    void childWatchSeesChildCreateDeleteButNotDataChanges() throws Exception {
        ZooKeeper writer = connect();
        EventRecorder recorder = new EventRecorder();
        ZooKeeper reader = connect(recorder);
        create(writer, "/p", "");
        create(writer, "/p/old", "");

        reader.getChildren("/p", true);
        writer.setData("/p", bytes("x"), -1);
        writer.setData("/p/old", bytes("x"), -1);
        create(writer, "/p/new", "");
        assertEquals("NodeChildrenChanged /p", describe(recorder.next()));

        reader.getChildren("/p", true);
        writer.delete("/p/old", -1);
        assertEquals("NodeChildrenChanged /p", describe(recorder.next()));

        reader.getChildren("/p", true);
        writer.delete("/p/new", -1);
        writer.delete("/p", -1);
        assertEquals("NodeChildrenChanged /p", describe(recorder.next()));
        drainEvents(reader);
        assertEquals(List.of(), recorder.drain());
    }

    @Test
    void childWatchSeesItsParentDeleted() throws Exception {
        ZooKeeper writer = connect();
        EventRecorder recorder = new EventRecorder();
        ZooKeeper reader = connect(recorder);
        create(writer, "/p", "");
        reader.getChildren("/p", true);

        writer.delete("/p", -1);

        assertEquals("NodeDeleted /p", describe(recorder.next()));
    }

    @Test
    void watchEventArrivesBeforeTheReplyThatShowsTheChange() throws Exception {
        ZooKeeper writer = connect();
        ZooKeeper reader = connect();
        create(writer, "/o", "v0");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        reader.exists("/o", event -> seen.add("event " + event.getType()));

        writer.setData("/o", bytes("v1"), -1);
        CountDownLatch replied = new CountDownLatch(1);
        reader.getData("/o", false, (rc, path, ctx, data, stat) -> {
            seen.add("reply " + text(data));
            replied.countDown();
        }, null);

        assertTrue(Timing.latch(replied, EventRecorder.WAIT));
        assertEquals(List.of("event NodeDataChanged", "reply v1"), seen);
    }

    @Test
    void persistentWatchFiresEveryTimeForTheNodeAndItsChildren() throws Exception {
        ZooKeeper writer = connect();
        ZooKeeper reader = connect();
        create(writer, "/p", "");
        EventRecorder persistent = new EventRecorder();
        reader.addWatch("/p", persistent, AddWatchMode.PERSISTENT);

        writer.setData("/p", bytes("1"), -1);
        writer.setData("/p", bytes("2"), -1);
        create(writer, "/p/c", "");
        create(writer, "/p/c/grandchild", "");
        writer.setData("/p/c", bytes("ignored"), -1);
        writer.delete("/p/c/grandchild", -1);
        writer.delete("/p/c", -1);
        writer.delete("/p", -1);
        create(writer, "/p", "");
        drainEvents(reader);

        assertEquals(List.of(
                "NodeDataChanged /p", "NodeDataChanged /p", "NodeChildrenChanged /p",
                "NodeChildrenChanged /p", "NodeDeleted /p", "NodeCreated /p"),
                persistent.drain().stream().map(WatchContract::describe).toList());
    }

    @Test
    void recursiveWatchSeesTheWholeSubtreeWithoutChildEvents() throws Exception {
        ZooKeeper writer = connect();
        ZooKeeper reader = connect();
        create(writer, "/r", "");
        EventRecorder recursive = new EventRecorder();
        reader.addWatch("/r", recursive, AddWatchMode.PERSISTENT_RECURSIVE);

        create(writer, "/r/a", "");
        create(writer, "/r/a/b", "");
        writer.setData("/r/a/b", bytes("x"), -1);
        writer.setData("/r/a/b", bytes("y"), -1);
        writer.delete("/r/a/b", -1);
        create(writer, "/elsewhere", "");
        drainEvents(reader);

        assertEquals(List.of(
                "NodeCreated /r/a", "NodeCreated /r/a/b", "NodeDataChanged /r/a/b",
                "NodeDataChanged /r/a/b", "NodeDeleted /r/a/b"),
                recursive.drain().stream().map(WatchContract::describe).toList());
    }

    @Test
    void removeWatchesStopsTheWatcherAndTellsIt() throws Exception {
        ZooKeeper writer = connect();
        ZooKeeper reader = connect();
        create(writer, "/n", "");
        EventRecorder watcher = new EventRecorder();
        reader.getData("/n", watcher, null);

        reader.removeWatches("/n", watcher, Watcher.WatcherType.Data, false);
        writer.setData("/n", bytes("x"), -1);
        drainEvents(reader);

        assertEquals(List.of("DataWatchRemoved /n"), watcher.drain().stream().map(WatchContract::describe).toList());
        assertThrows(KeeperException.NoWatcherException.class,
                () -> reader.removeWatches("/n", watcher, Watcher.WatcherType.Data, false));
    }

    @Test
    void removeAllWatchesRemovesDataAndChildWatches() throws Exception {
        ZooKeeper writer = connect();
        ZooKeeper reader = connect();
        create(writer, "/n", "");
        EventRecorder watcher = new EventRecorder();
        reader.getData("/n", watcher, null);
        reader.getChildren("/n", watcher);

        reader.removeAllWatches("/n", Watcher.WatcherType.Any, false);
        writer.setData("/n", bytes("x"), -1);
        create(writer, "/n/c", "");
        drainEvents(reader);

        Set<String> seen = new HashSet<>(watcher.drain().stream().map(WatchContract::describe).toList());
        assertEquals(Set.of("DataWatchRemoved /n", "ChildWatchRemoved /n"), seen);
    }

    @Test
    void removePersistentWatch() throws Exception {
        ZooKeeper writer = connect();
        ZooKeeper reader = connect();
        create(writer, "/n", "");
        EventRecorder watcher = new EventRecorder();
        reader.addWatch("/n", watcher, AddWatchMode.PERSISTENT);

        reader.removeWatches("/n", watcher, Watcher.WatcherType.Any, false);
        writer.setData("/n", bytes("x"), -1);
        drainEvents(reader);

        assertEquals(List.of("PersistentWatchRemoved /n"),
                watcher.drain().stream().map(WatchContract::describe).toList());
    }

    @Test
    void watchesSurviveAReconnectThroughSetWatches() throws Exception {
        ZooKeeper writer = connect();
        create(writer, "/w", "0");
        create(writer, "/gone", "");
        try (CuttableProxy proxy = CuttableProxy.to(server.port())) {
            EventRecorder recorder = new EventRecorder();
            ZooKeeper reader = connect(proxy.connectString(), SESSION_TIMEOUT, recorder);
            long session = reader.getSessionId();
            reader.getData("/w", true, null);
            assertNull(reader.exists("/born", true));
            reader.getChildren("/w", true);
            reader.exists("/gone", true);
            EventRecorder persistent = new EventRecorder();
            reader.addWatch("/w", persistent, AddWatchMode.PERSISTENT_RECURSIVE);

            proxy.cut();
            recorder.awaitState(KeeperState.Disconnected);
            writer.setData("/w", bytes("1"), -1);
            create(writer, "/born", "");
            create(writer, "/w/kid", "");
            writer.delete("/gone", -1);
            proxy.restore();
            recorder.awaitState(KeeperState.SyncConnected);
            assertEquals(session, reader.getSessionId());
            drainEvents(reader);

            Set<String> seen = new HashSet<>();
            for (WatchedEvent event : recorder.drain()) {
                seen.add(describe(event));
            }
            assertEquals(Set.of("NodeDataChanged /w", "NodeCreated /born", "NodeChildrenChanged /w",
                    "NodeDeleted /gone"), seen);
            // A re-registered recursive watch hears only that the watched node itself changed.
            Set<String> persistentSeen = new HashSet<>();
            for (WatchedEvent event : persistent.drain()) {
                persistentSeen.add(describe(event));
            }
            assertEquals(Set.of("NodeDataChanged /w"), persistentSeen);

            create(writer, "/w/after", "");
            assertEquals("NodeCreated /w/after", describe(persistent.next()));
        }
    }
}
