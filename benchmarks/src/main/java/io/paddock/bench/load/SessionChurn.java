package io.paddock.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.apache.zookeeper.ClientCnxnSocketNetty;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * Session create/close rate: each cycle opens a session, creates an ephemeral node, and closes
 * the session; one sample is the whole cycle. Uses the client's Netty socket, set through a
 * {@link ZKClientConfig} (not a JVM-wide property), because the default NIO socket sleeps
 * 100 ms in every close and would measure that sleep instead of the server.
 *
 * <p>Thread-safe: {@code parallel} worker threads share atomic counters and a synchronized
 * histogram.
 */
final class SessionChurn {
    private final String connectString;
    private final String parent;
    private final byte[] value;

    SessionChurn(String connectString, String parent, byte[] value) {
        this.connectString = connectString;
        this.parent = parent;
        this.value = value;
    }

    static ZKClientConfig nettyClientConfig() {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET,
                ClientCnxnSocketNetty.class.getName());
        return config;
    }

    RowOutcome run(long sessions, int parallel, Duration timeout) throws InterruptedException {
        Histogram latencies = new SynchronizedHistogram(3);
        ErrorTally errors = new ErrorTally();
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < parallel; w++) {
            running.add(workers.submit(() -> {
                while (next.getAndIncrement() < sessions) {
                    cycle(latencies, errors, ok, timeout);
                }
            }));
        }
        workers.shutdown();
        if (!workers.awaitTermination(timeout.toMillis() * Math.max(1, sessions / parallel),
                TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
            running.forEach(f -> f.cancel(true));
        }
        long elapsed = System.nanoTime() - start;
        errors.add("TIMEOUT", sessions - ok.get() - errors.total());
        return new RowOutcome(sessions, ok.get(), errors.snapshot(), elapsed, latencies.copy());
    }

    private void cycle(Histogram latencies, ErrorTally errors, AtomicLong ok, Duration timeout) {
        long t0 = System.nanoTime();
        ZooKeeper zk = null;
        try {
            CountDownLatch connected = new CountDownLatch(1);
            zk = new ZooKeeper(connectString, (int) timeout.toMillis(), event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            }, nettyClientConfig());
            if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                errors.add("CONNECT_TIMEOUT", 1);
                return;
            }
            zk.create(parent + "/e-", value, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.EPHEMERAL_SEQUENTIAL);
            zk.close();
            zk = null;
            latencies.recordValue(System.nanoTime() - t0);
            ok.incrementAndGet();
        } catch (KeeperException e) {
            errors.add(e.code().name(), 1);
        } catch (IOException | RuntimeException e) {
            errors.add(e.getClass().getSimpleName(), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("INTERRUPTED", 1);
        } finally {
            closeQuietly(zk);
        }
    }

    private static void closeQuietly(ZooKeeper zk) {
        if (zk != null) {
            try {
                zk.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
