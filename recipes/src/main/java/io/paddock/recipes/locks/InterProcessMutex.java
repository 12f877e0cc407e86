package io.paddock.recipes.locks;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A re-entrant mutex shared by every process that uses the same path (ZooKeeper's lock recipe).
 *
 * <p>Guarantees: at most one thread in the cluster holds the lock at a time, as long as holders'
 * sessions are alive; waiters are served in arrival order; each waiter watches only the node
 * just before its own, so a release wakes exactly one waiter; a holder whose session expires
 * loses the lock (its ephemeral node is deleted), so watch the client's connection state if
 * that matters (SUSPENDED means "maybe no longer held"). A create retried after a connection
 * loss does not leave an orphan node (protected names).
 *
 * <p>Thread-safe. Ownership is per thread: the thread that acquired must release, as many times
 * as it acquired.
 */
public final class InterProcessMutex implements InterProcessLock {
    private static final String MARKER = "lock-";

    private final LockInternals internals;
    private final byte[] nodeData;
    private final Map<Thread, Hold> holds = new ConcurrentHashMap<>();

    public InterProcessMutex(PaddockClient client, String path) {
        this(client, path, new byte[0]);
    }

    /** @param nodeData stored in this process's lock node, e.g. an id others can read */
    public InterProcessMutex(PaddockClient client, String path, byte[] nodeData) {
        this(new LockInternals(client, path, MARKER, new StandardLockDriver(MARKER)), nodeData);
    }

    InterProcessMutex(LockInternals internals, byte[] nodeData) {
        this.internals = internals;
        this.nodeData = nodeData.clone();
    }

    @Override
    public void acquire() throws InterruptedException {
        if (!acquire(null)) {
            throw new IllegalStateException("lost the lock queue at " + internals.basePath());
        }
    }

    /** @param max null for no limit */
    @Override
    public boolean acquire(Duration max) throws InterruptedException {
        Thread me = Thread.currentThread();
        Hold hold = holds.get(me);
        if (hold != null) {
            hold.count++;
            return true;
        }
        String path = internals.attemptLock(max, nodeData);
        if (path == null) {
            return false;
        }
        holds.put(me, new Hold(path));
        return true;
    }

    @Override
    public void release() {
        Thread me = Thread.currentThread();
        Hold hold = holds.get(me);
        if (hold == null) {
            throw new IllegalMonitorStateException("not held by " + me.getName());
        }
        if (--hold.count > 0) {
            return;
        }
        holds.remove(me);
        internals.release(hold.path);
    }

    @Override
    public boolean isAcquiredInThisProcess() {
        return !holds.isEmpty();
    }

    public boolean isOwnedByCurrentThread() {
        return holds.containsKey(Thread.currentThread());
    }

    /** The path of the calling thread's lock node, or null if it does not hold the lock. */
    public String lockNodePath() {
        Hold hold = holds.get(Thread.currentThread());
        return hold == null ? null : hold.path;
    }

    /** The contenders' node paths, holder first. */
    public List<String> participantNodes() {
        return internals.sortedContenders().stream()
                .map(n -> ZNodePaths.makePath(internals.basePath(), n)).toList();
    }

    /** How many watch notifications woke this mutex's waiting threads so far (a diagnostic). */
    public long wakeups() {
        return internals.wakeups();
    }

    /** One thread's hold; only that thread touches {@code count}. */
    private static final class Hold {
        final String path;
        int count = 1;

        Hold(String path) {
            this.path = path;
        }
    }
}
