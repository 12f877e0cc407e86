package io.paddock.zab.runtime;

import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.Proposal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of the txn log: appends what the driver hands over, flushes once per batch of
 * whatever queued up meanwhile (group commit), and posts {@code persisted(lastFlushed)} back to the
 * driver's inbox. Truncations (TRUNC, and emptying the log under an installed snapshot) run here
 * too, in order with the appends, while the driver waits for them.
 *
 * <p>Each truncation starts a new log generation, and every report carries its generation: a
 * report from before a truncation may still sit in the inbox when the driver has appended new txns
 * at the same zxids, and must not count those as durable.
 *
 * <p>A storage failure stops this stage for good and is posted to the driver (fail-stop, as the
 * log itself is).
 *
 * <p>Thread-safe: {@link #append} and {@link #truncate} from the driver thread; the work runs on
 * this stage's own thread.
 */
final class PersistStage {
    private static final Logger LOG = LoggerFactory.getLogger(PersistStage.class);

    private sealed interface Task {
    }

    private record Append(List<Proposal> txns) implements Task {
    }

    private record Truncate(long zxid, CompletableFuture<Void> done) implements Task {
    }

    private record Stop() implements Task {
    }

    private final TxnLog log;
    private final Inbox inbox;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private long generation;
    private volatile boolean stopping;

    PersistStage(TxnLog log, Inbox inbox, String name) {
        this.log = log;
        this.inbox = inbox;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues txns to append, in order. */
    void append(List<Proposal> txns) {
        queue.add(new Append(txns));
    }

    /**
     * Removes every txn above {@code zxid} (0 empties the log), after every append queued before,
     * and returns once that is durable.
     *
     * @throws IllegalStateException if the stage failed or stopped before it was done
     */
    void truncate(long zxid) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Truncate(zxid, done));
        try {
            while (true) {
                try {
                    done.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (!thread.isAlive()) {
                        throw new IllegalStateException("the persist stage is not running; cannot"
                                + " truncate the log after " + zxid);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while truncating the log after " + zxid, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("truncating the log after " + zxid + " failed", e.getCause());
        }
    }

    /** Stops without flushing what is queued, as a crash would; waits for the thread to end. */
    void stop() throws InterruptedException {
        stopping = true;
        queue.add(new Stop());
        thread.join();
    }

    private void run() {
        List<Task> batch = new ArrayList<>();
        try {
            while (!stopping) {
                batch.add(queue.take());
                queue.drainTo(batch);
                if (!process(batch)) {
                    return;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the persist stage failed; the peer stops", e);
            for (Task t : batch) {
                if (t instanceof Truncate tr) {
                    tr.done.completeExceptionally(e);
                }
            }
            inbox.post(new Input.Failed("persist stage", e));
        }
    }

    /** Does one batch; false once told to stop. */
    private boolean process(List<Task> batch) {
        boolean wrote = false;
        for (Task task : batch) {
            if (stopping || task instanceof Stop) {
                failWaiting(batch);
                return false;
            }
            if (task instanceof Append a) {
                for (Proposal p : a.txns()) {
                    log.append(new Txn(p.zxid(), p.type(), p.data()));
                }
                wrote = true;
            } else if (task instanceof Truncate t) {
                log.truncateAfter(t.zxid());
                generation++;
                t.done.complete(null);
                wrote = true;
            }
        }
        if (wrote) {
            log.flush();
            long flushed = log.lastFlushedZxid();
            if (flushed > 0) {
                inbox.post(new Input.Persisted(generation, flushed));
            }
        }
        return true;
    }

    private static void failWaiting(List<Task> batch) {
        for (Task t : batch) {
            if (t instanceof Truncate tr) {
                tr.done.completeExceptionally(new IllegalStateException("persist stage stopped"));
            }
        }
    }
}
