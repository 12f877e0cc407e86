package io.paddock.bench.jmh;

import io.paddock.protocol.ACL;
import io.paddock.protocol.WatcherEvent;
import io.paddock.server.watch.Notification;
import io.paddock.server.watch.WatchManager;
import io.paddock.server.watch.Watcher;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.ZooDefs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Watch trigger fan-out: {@code watchers} sessions each leave a one-shot data watch on one
 * path, then a setData fires them all. Each operation registers the watches again and
 * triggers them (one-shot watches are gone once fired), in Paddock's
 * {@link WatchManager} and ZooKeeper's {@code org.apache.zookeeper.server.watch.WatchManager};
 * every event is delivered to a watcher that hands it to the blackhole.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WatchFanOutBench {
    private static final String PATH = "/config/app";

    @Param({"1", "100", "1000"})
    public int watchers;

    private WatchManager paddock;
    private Watcher[] paddockWatchers;
    private org.apache.zookeeper.server.watch.WatchManager zookeeper;
    private org.apache.zookeeper.Watcher[] zookeeperWatchers;

    @Setup
    public void setUp(Blackhole bh) {
        paddock = new WatchManager();
        zookeeper = new org.apache.zookeeper.server.watch.WatchManager();
        paddockWatchers = new Watcher[watchers];
        zookeeperWatchers = new org.apache.zookeeper.Watcher[watchers];
        for (int i = 0; i < watchers; i++) {
            long session = i + 1;
            paddockWatchers[i] = new Watcher() {
                @Override
                public long sessionId() {
                    return session;
                }

                @Override
                public void sendEvent(WatcherEvent event) {
                    bh.consume(event);
                }
            };
            zookeeperWatchers[i] = (WatchedEvent event) -> bh.consume(event);
        }
    }

    @Benchmark
    public int paddockFanOut() {
        for (Watcher w : paddockWatchers) {
            paddock.addDataWatch(PATH, w);
        }
        int n = 0;
        for (Notification note : paddock.nodeDataChanged(PATH, ACL.OPEN_ACL_UNSAFE)) {
            note.deliver();
            n++;
        }
        return n;
    }

    @Benchmark
    public Object zookeeperFanOut() {
        for (org.apache.zookeeper.Watcher w : zookeeperWatchers) {
            zookeeper.addWatch(PATH, w);
        }
        return zookeeper.triggerWatch(PATH,
                org.apache.zookeeper.Watcher.Event.EventType.NodeDataChanged, 1,
                ZooDefs.Ids.OPEN_ACL_UNSAFE);
    }
}
