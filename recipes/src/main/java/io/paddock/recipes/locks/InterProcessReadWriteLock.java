package io.paddock.recipes.locks;

import io.paddock.client.PaddockClient;
import java.util.List;

/**
 * A read/write lock across processes: any number of readers or one writer. Readers and writers
 * queue in one sequence, so neither starves: a reader waits only for writers ahead of it, a
 * writer for everyone ahead of it.
 *
 * <p>Guarantees, besides those of {@link InterProcessMutex}: a waiting writer watches only the
 * node just before its own; a waiting reader watches only the last writer ahead of it, so a
 * writer's release wakes the readers it was blocking and nobody else. The thread holding the
 * write lock may also take the read lock (downgrade by taking read, then releasing write).
 *
 * <p>Thread-safe. Both locks are re-entrant and owned per thread.
 */
public final class InterProcessReadWriteLock {
    private static final String READ = "read-";
    private static final String WRITE = "write-";

    private final InterProcessMutex writeLock;
    private final InterProcessMutex readLock;

    public InterProcessReadWriteLock(PaddockClient client, String path) {
        this.writeLock = new InterProcessMutex(
                new LockInternals(client, path, WRITE, new WriteDriver()), new byte[0]);
        this.readLock = new InterProcessMutex(
                new LockInternals(client, path, READ, new ReadDriver()), new byte[0]);
    }

    public InterProcessMutex readLock() {
        return readLock;
    }

    public InterProcessMutex writeLock() {
        return writeLock;
    }

    private static boolean isContender(String name) {
        return LockInternals.hasMarker(name, READ) || LockInternals.hasMarker(name, WRITE);
    }

    /** A writer holds the lock when first in line, else waits on the node before it. */
    private static final class WriteDriver implements LockDriver {
        @Override
        public boolean isContender(String childName) {
            return InterProcessReadWriteLock.isContender(childName);
        }

        @Override
        public Decision decide(List<String> sorted, String ours) {
            int index = sorted.indexOf(ours);
            return index == 0 ? Decision.holds() : Decision.waitFor(sorted.get(index - 1));
        }
    }

    /** A reader holds the lock when no writer is ahead of it, else waits on the last such one. */
    private final class ReadDriver implements LockDriver {
        @Override
        public boolean isContender(String childName) {
            return InterProcessReadWriteLock.isContender(childName);
        }

        @Override
        public Decision decide(List<String> sorted, String ours) {
            if (writeLock.isOwnedByCurrentThread()) {
                return Decision.holds();
            }
            String lastWriter = null;
            for (String name : sorted.subList(0, sorted.indexOf(ours))) {
                if (LockInternals.hasMarker(name, WRITE)) {
                    lastWriter = name;
                }
            }
            return lastWriter == null ? Decision.holds() : Decision.waitFor(lastWriter);
        }
    }
}
