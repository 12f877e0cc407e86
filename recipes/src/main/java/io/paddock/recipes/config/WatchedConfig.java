package io.paddock.recipes.config;

import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.PaddockClient;
import io.paddock.client.StatHolder;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.recipes.nodes.Failures;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configuration value held in one znode, decoded with the given function and kept current.
 *
 * <p>Every read sets the next watch in the same call ({@code getData().watched(..)}), so no
 * write can fall between reading a value and watching for the next one; if the node is absent
 * an {@code exists} watch waits for it. Each value read is compared with the one held by its
 * {@code mzxid}, so a listener never sees the value go backwards or the same write twice.
 *
 * <p>Guarantees: {@link #current()} is the latest value read; listeners see values in the
 * order the server wrote them; a write overwritten before the watch's re-read completes may be
 * skipped (a watch says "changed", the read returns the latest), but the last write is always
 * seen. After a reconnect or a new session the node is read again. A value the decoder rejects
 * (throws) is logged and skipped.
 *
 * <p>Thread-safe. Reads and listeners run on the client's event thread.
 */
public final class WatchedConfig<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedConfig.class);

    private final PaddockClient client;
    private final String path;
    private final Function<byte[], T> decoder;
    private final List<ConfigListener<T>> listeners = new CopyOnWriteArrayList<>();
    private final Watcher watcher = this::onWatchEvent;
    private final ConnectionStateListener connectionListener = this::onStateChanged;
    private Versioned<T> current = Versioned.absent(0);
    private boolean loaded;
    private volatile boolean closed;

    public WatchedConfig(PaddockClient client, String path, Function<byte[], T> decoder) {
        this.client = client;
        this.path = ZNodePaths.makePath(path);
        this.decoder = decoder;
    }

    public void addListener(ConfigListener<T> listener) {
        listeners.add(listener);
    }

    public void removeListener(ConfigListener<T> listener) {
        listeners.remove(listener);
    }

    /** Starts reading and watching the node in the background. */
    public WatchedConfig<T> start() {
        client.addConnectionStateListener(connectionListener);
        read();
        return this;
    }

    /** Waits for the first read; false if {@code max} passed first. */
    public synchronized boolean awaitLoaded(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!loaded) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The latest value read, with its version; absent before the first read. */
    public synchronized Versioned<T> current() {
        return current;
    }

    /** The latest decoded value, if the node exists. */
    public Optional<T> value() {
        return current().value();
    }

    @Override
    public void close() {
        closed = true;
        client.removeConnectionStateListener(connectionListener);
        listeners.clear();
    }

    private void read() {
        if (closed) {
            return;
        }
        StatHolder stat = new StatHolder();
        client.async().getData().watched(watcher).storingStatIn(stat).forPath(path)
                .whenComplete((data, error) -> {
                    if (error == null) {
                        decodeAndApply(data, stat);
                    } else if (Failures.cause(error) instanceof NoNodeException) {
                        apply(null);
                        watchForCreation();
                    }
                });
    }

    private void watchForCreation() {
        client.async().checkExists().watched(watcher).forPath(path).whenComplete((stat, e) -> {
            if (e == null && stat != null) {
                read(); // created between our read and the exists call
            }
        });
    }

    private void decodeAndApply(byte[] data, StatHolder stat) {
        T value;
        try {
            value = decoder.apply(data);
        } catch (RuntimeException e) {
            LOG.warn("{}: the decoder rejected version {}", path, stat.get().version(), e);
            return;
        }
        apply(new Versioned<>(Optional.ofNullable(value), stat.get().version(),
                stat.get().mzxid()));
    }

    /** @param fresh the value read, or null if the node is absent */
    private void apply(Versioned<T> fresh) {
        Versioned<T> next;
        synchronized (this) {
            boolean first = !loaded;
            loaded = true;
            notifyAll();
            next = fresh == null ? Versioned.absent(current.mzxid()) : fresh;
            boolean changed = fresh == null
                    ? current.value().isPresent()
                    : current.value().isEmpty() || fresh.mzxid() > current.mzxid();
            if (!changed && !first) {
                return;
            }
            current = next;
        }
        for (ConfigListener<T> l : listeners) {
            l.configChanged(next);
        }
    }

    private void onWatchEvent(WatchedEvent event) {
        if (event.type() != WatchedEvent.Type.SESSION_EXPIRED) {
            read();
        }
    }

    private void onStateChanged(PaddockClient c, ConnectionState state) {
        if (state == ConnectionState.RECONNECTED) {
            read();
        }
    }
}
