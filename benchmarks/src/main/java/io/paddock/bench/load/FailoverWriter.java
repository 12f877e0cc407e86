package io.paddock.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * One session of the failover row's steady write load, on the official client: setData of its
 * own node, one request at a time, the next issued from the last one's callback (a failed one
 * 2 ms later, so a disconnected client does not spin). It records the first acknowledged write
 * issued after a marked instant (the killed leader gone: a write acknowledged later but sent
 * before could have been committed by the old leader) and every Disconnected event with its
 * time.
 *
 * <p>Thread-safe: callbacks and events arrive on the client's event thread, the benchmark reads
 * from its own; the fields they share are guarded by this object.
 */
final class FailoverWriter implements Watcher {
    private static final long RETRY_MS = 2;

    private final String path;
    private final byte[] value;
    private final ScheduledExecutorService retries;
    private final Located zk;
    private final List<Long> disconnectedNanos = new ArrayList<>();
    private boolean running;
    private boolean inFlight;
    private long acks;
    private long markNanos = Long.MAX_VALUE;
    private long firstAckAfterMark = -1;

    FailoverWriter(String connectString, int sessionTimeoutMs, String path, byte[] value,
            ScheduledExecutorService retries) throws IOException {
        this.path = path;
        this.value = value;
        this.retries = retries;
        this.zk = new Located(connectString, sessionTimeoutMs, this);
    }

    @Override
    public void process(org.apache.zookeeper.WatchedEvent event) {
        if (event.getType() == Event.EventType.None
                && event.getState() == Event.KeeperState.Disconnected) {
            synchronized (this) {
                disconnectedNanos.add(System.nanoTime());
            }
        }
    }

    /** The client port of the server the session is connected to now, or -1. */
    int serverPort() {
        SocketAddress a = zk.remote();
        return a instanceof InetSocketAddress i ? i.getPort() : -1;
    }

    /** The session's id, as the servers' logs print it. */
    String sessionHex() {
        return "0x" + Long.toHexString(zk.getSessionId());
    }

    synchronized void start() {
        running = true;
        issue();
    }

    /** Stops issuing; the request in flight, if any, still completes. */
    synchronized void stop() {
        running = false;
    }

    synchronized boolean idle() {
        return !inFlight;
    }

    synchronized long acks() {
        return acks;
    }

    /** From now on the first acknowledged write issued after {@code nanos} is recorded. */
    synchronized void mark(long nanos) {
        markNanos = nanos;
        firstAckAfterMark = -1;
    }

    /** When the first write issued after the mark was acknowledged, or -1 while none was. */
    synchronized long firstAckAfterMark() {
        return firstAckAfterMark;
    }

    /** Disconnected events at or after the given instant. */
    synchronized int disconnectionsSince(long nanos) {
        return (int) disconnectedNanos.stream().filter(t -> t >= nanos).count();
    }

    private synchronized void issue() {
        if (!running) {
            return;
        }
        inFlight = true;
        long issued = System.nanoTime();
        zk.setData(path, value, -1, (rc, p, ctx, stat) -> done(rc, issued), null);
    }

    private void done(int rc, long issuedNanos) {
        long now = System.nanoTime();
        synchronized (this) {
            inFlight = false;
            if (rc == 0) {
                acks++;
                if (issuedNanos >= markNanos && firstAckAfterMark < 0) {
                    firstAckAfterMark = now;
                }
            }
        }
        if (rc == 0) {
            issue();
        } else {
            retries.schedule(this::issue, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    void close() {
        stop();
        try {
            zk.close(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The official client, with the address of the server it is connected to exposed. */
    private static final class Located extends ZooKeeper {
        Located(String connectString, int sessionTimeoutMs, Watcher watcher) throws IOException {
            super(connectString, sessionTimeoutMs, watcher, new ZKClientConfig());
        }

        SocketAddress remote() {
            return testableRemoteSocketAddress();
        }
    }
}
