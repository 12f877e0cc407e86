package io.paddock.recipes.atomic;

import io.paddock.client.PaddockClient;
import io.paddock.client.StatHolder;
import io.paddock.client.exception.BadVersionException;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.NodeExistsException;
import io.paddock.client.retry.RetryPolicy;
import io.paddock.recipes.nodes.ZNodePaths;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * A counter in one znode (8 bytes, big-endian; an absent or empty node reads as 0), changed by
 * optimistic compare-and-set: read the value and its version, write the new value only if the
 * version is unchanged ({@code setData().withVersion}), and on a conflict try again after the
 * pause the retry policy gives.
 *
 * <p>Guarantees: every successful update is applied exactly once on top of the value it saw,
 * so concurrent increments are never lost; an update reports {@code succeeded == false} if the
 * policy gave up under contention (nothing was written then).
 *
 * <p>Thread-safe; the calling thread blocks (and pauses between attempts).
 */
public final class DistributedAtomicLong {
    private final PaddockClient client;
    private final String path;
    private final RetryPolicy contention;

    /** @param contention how often, and after what pauses, to retry after losing a race */
    public DistributedAtomicLong(PaddockClient client, String path, RetryPolicy contention) {
        this.client = client;
        this.path = ZNodePaths.makePath(path);
        this.contention = contention;
    }

    /** The current value (0 if the node does not exist yet). */
    public long get() {
        return read(new StatHolder());
    }

    public AtomicValue increment() {
        return add(1);
    }

    public AtomicValue decrement() {
        return add(-1);
    }

    public AtomicValue add(long delta) {
        return update(v -> v + delta);
    }

    /** Sets the value whatever it was (still a versioned write: never torn). */
    public AtomicValue trySet(long value) {
        return update(v -> value);
    }

    /** Sets {@code newValue} only if the value is {@code expected}; one decision, no retry loop. */
    public AtomicValue compareAndSet(long expected, long newValue) {
        while (true) {
            StatHolder stat = new StatHolder();
            long seen = read(stat);
            if (seen != expected) {
                return new AtomicValue(false, seen, seen);
            }
            if (tryWrite(stat, newValue)) {
                return new AtomicValue(true, seen, newValue);
            }
            // the version moved: look again, the value may still be the expected one
        }
    }

    /** Applies {@code change} atomically, retrying under the contention policy. */
    public AtomicValue update(LongUnaryOperator change) {
        long start = System.nanoTime();
        long seen = 0;
        for (int retries = 0; ; retries++) {
            StatHolder stat = new StatHolder();
            seen = read(stat);
            long next = change.applyAsLong(seen);
            if (tryWrite(stat, next)) {
                return new AtomicValue(true, seen, next);
            }
            Optional<Duration> pause = contention.nextDelay(retries,
                    Duration.ofNanos(System.nanoTime() - start));
            if (pause.isEmpty() || !pauseFor(pause.get())) {
                return new AtomicValue(false, seen, seen);
            }
        }
    }

    private long read(StatHolder stat) {
        try {
            byte[] data = client.getData().storingStatIn(stat).forPath(path);
            return data.length == 0 ? 0 : ByteBuffer.wrap(data).getLong();
        } catch (NoNodeException absent) {
            return 0;
        }
    }

    /** Writes if nobody wrote since {@code stat} was read (or, if absent, creates it). */
    private boolean tryWrite(StatHolder stat, long value) {
        byte[] data = ByteBuffer.allocate(Long.BYTES).putLong(value).array();
        try {
            if (stat.get() == null) {
                client.create().creatingParentContainersIfNeeded().forPath(path, data);
            } else {
                client.setData().withVersion(stat.get().version()).forPath(path, data);
            }
            return true;
        } catch (BadVersionException | NodeExistsException | NoNodeException lostRace) {
            return false;
        }
    }

    private static boolean pauseFor(Duration pause) {
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
