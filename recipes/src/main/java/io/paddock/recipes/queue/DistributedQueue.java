package io.paddock.recipes.queue;

import io.paddock.client.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A FIFO queue shared by producers and consumers: each item is a persistent sequential child
 * {@code <path>/item-NNNNNNNNNN} (protected name, so a retried put cannot add the item twice),
 * and consumers take the lowest number.
 *
 * <p>Guarantees: items are taken in the order their puts were applied; each item is taken by
 * exactly one consumer (the one whose delete succeeds); items survive every client's death.
 * An item is deleted before it is returned, so a consumer that dies right after taking it loses
 * it (at-most-once delivery).
 *
 * <p>Thread-safe. Waiting consumers block on this object's monitor and are woken by a child
 * watch on the queue node.
 */
public final class DistributedQueue<T> {
    private static final String MARKER = "item-";

    private final PaddockClient client;
    private final String path;
    private final Function<T, byte[]> encoder;
    private final Function<byte[], T> decoder;
    private final Watcher watcher = this::onWatchEvent;

    public DistributedQueue(PaddockClient client, String path, Function<T, byte[]> encoder,
            Function<byte[], T> decoder) {
        this.client = client;
        this.path = ZNodePaths.makePath(path);
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** Adds an item at the tail; returns its node's path. */
    public String put(T item) {
        return client.create().creatingParentContainersIfNeeded().withProtection()
                .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                .forPath(ZNodePaths.makePath(path, MARKER), encoder.apply(item));
    }

    /** Takes the head item if there is one, without waiting. */
    public Optional<T> poll() {
        return takeFirst(items(false));
    }

    /** Takes the head item, waiting up to {@code max} for one; empty if none came. */
    public synchronized Optional<T> take(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            Optional<T> item = takeFirst(items(true));
            if (item.isPresent()) {
                return item;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** How many items are queued now. */
    public int size() {
        return items(false).size();
    }

    private List<String> items(boolean watch) {
        try {
            List<String> names = watch
                    ? client.getChildren().watched(watcher).forPath(path)
                    : client.getChildren().forPath(path);
            return names.stream().filter(n -> n.contains(MARKER))
                    .sorted(ZNodePaths::compareSequential).toList();
        } catch (NoNodeException none) {
            if (watch) {
                client.checkExists().watched(watcher).forPath(path);
            }
            return List.of();
        }
    }

    private Optional<T> takeFirst(List<String> sorted) {
        for (String name : sorted) {
            String item = ZNodePaths.makePath(path, name);
            try {
                byte[] data = client.getData().forPath(item);
                client.delete().forPath(item);
                return Optional.of(decoder.apply(data));
            } catch (NoNodeException takenByAnother) {
                // another consumer won this one: try the next
            }
        }
        return Optional.empty();
    }

    private synchronized void onWatchEvent(WatchedEvent event) {
        notifyAll();
    }
}
