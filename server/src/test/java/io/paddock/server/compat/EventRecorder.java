package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * A watcher that queues what it sees: node events in one queue, connection states in another.
 * process() runs on a client's event thread; the queries run on the test thread.
 */
final class EventRecorder implements Watcher {
    /** How long an event may take, nominally: scale it through Timing wherever it bounds a wait. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<WatchedEvent> nodeEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<Event.KeeperState> states = new LinkedBlockingQueue<>();

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() == Event.EventType.None) {
            states.add(event.getState());
        } else {
            nodeEvents.add(event);
        }
    }

    /** The next node event, failing if none comes within {@link #WAIT}. */
    WatchedEvent next() throws InterruptedException {
        WatchedEvent event = Timing.poll(nodeEvents, WAIT);
        assertNotNull(event, "no watch event within " + WAIT);
        return event;
    }

    /** Node events received so far, removing them. */
    List<WatchedEvent> drain() {
        List<WatchedEvent> out = new ArrayList<>();
        nodeEvents.drainTo(out);
        return out;
    }

    /** Waits until the connection reports the given state, skipping the others. */
    void awaitState(Event.KeeperState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Timing.scaled(WAIT).toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event.KeeperState state = states.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            assertNotNull(state, "connection never reported " + wanted);
            if (state == wanted) {
                return;
            }
        }
    }
}
